package dev.chatplatform.application.port.in;

public interface ReconcileCountsUseCase {

    /** Brings chats_count and messages_count up to date where something changed; returns scopes fixed. */
    int reconcile();
}
