package dev.chatplatform.adapters.rest.violation;

import dev.chatplatform.adapters.persistence.PersistenceConfiguration;

/** Throwaway: an adapter that depends on another adapter (ArchitectureRulesFailTest). */
public class RestReadsTheDatabase {

    public Object configuration() {
        return new PersistenceConfiguration();
    }
}
