package dev.chatplatform.adapters.search.violation;

import dev.chatplatform.application.service.IndexMessagesService;

/** Throwaway: an adapter that reaches past the in-ports to a service (ArchitectureRulesFailTest). */
public class SearchBuildsAService {

    public Object service() {
        return new IndexMessagesService(null);
    }
}
