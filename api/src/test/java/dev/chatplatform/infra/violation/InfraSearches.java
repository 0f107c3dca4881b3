package dev.chatplatform.infra.violation;

import dev.chatplatform.adapters.search.SearchConfiguration;

/** Throwaway: infra depending on the search adapter (ArchitectureRulesFailTest). */
public class InfraSearches {

    public Object configuration() {
        return new SearchConfiguration();
    }
}
