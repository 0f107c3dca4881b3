package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

import java.util.Collection;
import java.util.List;

/**
 * The newest persisted messages of a chat (reactions included), the first page every client opens.
 * Coherence: a reader that misses gets a generation, reads the database, and fills with that
 * generation; the worker invalidates after each commit that changes a chat's messages or reactions,
 * which moves the generation, so a fill computed from data older than the commit is refused. Every
 * method throws {@link dev.chatplatform.application.DependencyUnavailableException} when the cache is
 * unreachable: readers then go to the database.
 */
public interface RecentMessagesCache {

    /** How many of the newest messages an entry holds: a full first page at the largest limit. */
    int SIZE = 100;

    Lookup lookup(AppId app, ChatNumber chat);

    /** Stores the chat's newest messages, newest first, unless the chat was invalidated since {@code generation}. */
    void fill(AppId app, ChatNumber chat, long generation, List<Message> newestFirst);

    void invalidate(AppId app, Collection<ChatNumber> chats);

    sealed interface Lookup {
    }

    /** The cached newest messages, newest first (at most {@link #SIZE}; fewer when the chat has fewer). */
    record Hit(List<Message> newestFirst) implements Lookup {
    }

    /** Nothing cached: fill with this generation. */
    record Miss(long generation) implements Lookup {
    }
}
