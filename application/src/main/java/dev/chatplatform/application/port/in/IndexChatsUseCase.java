package dev.chatplatform.application.port.in;

/** Brings the chat documents of the search index up to date with the chat rows. */
public interface IndexChatsUseCase {

    /** Indexes every chat changed since the last run; returns how many documents it wrote. */
    int indexChanged();
}
