package dev.chatplatform.application.port.out;

import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;

import java.util.List;

/** The chats whose search documents are stale, recorded by the store in the transaction that changed them. */
public interface ChatSearchChanges {

    /** Up to {@code max} stale chats, each as it is stored now. */
    List<ChatSearchEntry> changed(int max);

    /** These states are indexed: forgets each chat's change unless a later revision was recorded meanwhile. */
    void forget(List<ChatSearchEntry> indexed);
}
