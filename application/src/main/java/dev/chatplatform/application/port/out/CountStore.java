package dev.chatplatform.application.port.out;

/** Recomputes chats_count and messages_count where writes happened since the last run. */
public interface CountStore {

    /** Reconciles at most {@code maxScopes} changed chats and applications; returns how many it did. */
    int reconcileChanged(int maxScopes);
}
