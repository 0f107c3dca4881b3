package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Full-text index of message bodies with substring semantics (what SQL {@code LIKE '%q%'} finds). */
public interface MessageSearchIndex {

    /**
     * Indexes each state unless a newer one is indexed already. Returns the messages the index
     * rejected as malformed (retrying them cannot help); throws when the index is unreachable.
     */
    List<Message> indexAll(List<Message> messages);

    Hits search(AppId app, ChatNumber chat, String query, SearchPosition after, int limit);

    /**
     * The chats of an application with at least one message whose body contains {@code query}, at most
     * {@code max} of them (which ones, when there are more, is unspecified).
     */
    Set<ChatNumber> chatsMentioning(AppId app, String query, int max);

    /**
     * Every chat of an application with at least one message whose body contains {@code query}, when at
     * most {@code maxMessages} messages do; empty when more do (the search stops there, so a common query
     * costs no more than that many matches).
     */
    Optional<Set<ChatNumber>> allChatsMentioning(AppId app, String query, int maxMessages);

    /** Which of the chats {@code among} have at least one message whose body contains {@code query}. */
    Set<ChatNumber> chatsMentioningAmong(AppId app, String query, Collection<ChatNumber> among);

    /** Where a page ends in relevance order: score descending, then number descending. */
    record SearchPosition(double score, long number) {
    }

    /**
     * A message that matched, by number, and its score. The message itself is read where its current state
     * is (pending writes, MySQL): the index's copy was never shown, and fetching it was most of a search's
     * time in Elasticsearch (each document's source decompressed on its own, issue 12).
     */
    record Hit(MessageNumber number, double score) {
    }

    record Hits(List<Hit> hits) {
    }
}
