package dev.chatplatform.application.port.in.violation;

import dev.chatplatform.application.port.out.ChatStore;

/** Throwaway: an in-port that speaks an out-port (ArchitectureRulesFailTest). */
public interface InPortNeedsAStore {

    ChatStore store();
}
