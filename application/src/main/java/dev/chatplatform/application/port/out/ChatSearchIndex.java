package dev.chatplatform.application.port.out;

import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.ChatStore.InboxSlot;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;
import java.util.List;

/**
 * A document per chat with the chat's own text (title, participants' names and phones) and its activity,
 * so the inbox's q finds the chats whose text holds it already in inbox order, and reads only a page of
 * them. Kept from the chat rows by the worker ({@link ChatSearchChanges}); a change shows within about a
 * second of its persisting, as a message body does in the message index.
 */
public interface ChatSearchIndex {

    /**
     * The first {@code limit} chats of the application after {@code after} (from the top when null) in inbox
     * order (activity, then number, both descending) whose own text contains {@code text} case-insensitively,
     * each with matchesText true.
     */
    List<InboxSlot> firstMatchingText(AppId app, String text, InboxPosition after, int limit);

    /** Indexes each state unless a later revision of its chat is indexed already; throws when unreachable. */
    void indexAll(List<ChatSearchEntry> chats);

    /**
     * What a chat's document holds: its search text (already lowercased by the store, as the store matched it),
     * its activity and the revision of the two, which only grows.
     */
    record ChatSearchEntry(AppId app, ChatNumber chat, String searchText, Instant activityAt, long revision) {
    }
}
