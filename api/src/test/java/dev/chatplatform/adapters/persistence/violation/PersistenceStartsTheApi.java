package dev.chatplatform.adapters.persistence.violation;

import dev.chatplatform.api.ApiApplication;

/** Throwaway: an adapter that depends on a process module (ArchitectureRulesFailTest). */
public class PersistenceStartsTheApi {

    public Object process() {
        return new ApiApplication();
    }
}
