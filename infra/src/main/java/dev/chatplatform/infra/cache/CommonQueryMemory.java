package dev.chatplatform.infra.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The message index, remembering which queries are common: an inbox q asks first whether at most a few
 * thousand messages mention it ({@link #allChatsMentioning}), and a q that is common once stays common as
 * messages are added, so the answer "too many" is kept for a while and the question is not asked again. Only
 * the plan depends on it (ListChatsService walks the inbox for a common q, and the walk is exact for any q):
 * a q that edits have made rare again is walked until its entry goes, and nothing else is cached. One
 * Elasticsearch round trip less for each inbox search by a common word (docs/performance.md, issue 12).
 */
public final class CommonQueryMemory implements MessageSearchIndex {

    private record Key(long app, String query, int maxMessages) {
    }

    private final MessageSearchIndex index;
    private final Cache<Key, Boolean> common;

    /** {@code entries}: at most this many queries remembered; {@code keep}: for this long each. */
    public CommonQueryMemory(MessageSearchIndex index, long entries, Duration keep) {
        this.index = index;
        this.common = Caffeine.newBuilder().maximumSize(entries).expireAfterWrite(keep).recordStats().build();
    }

    /** The memory itself, for its meters (hits are inbox searches that skipped the question). */
    public Cache<?, ?> cache() {
        return common;
    }

    @Override
    public Optional<Set<ChatNumber>> allChatsMentioning(AppId app, String query, int maxMessages) {
        Key key = new Key(app.value(), query, maxMessages);
        if (common.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Optional<Set<ChatNumber>> answer = index.allChatsMentioning(app, query, maxMessages);
        if (answer.isEmpty()) {
            common.put(key, Boolean.TRUE);
        }
        return answer;
    }

    @Override
    public List<Message> indexAll(List<Message> messages) {
        return index.indexAll(messages);
    }

    @Override
    public Hits search(AppId app, ChatNumber chat, String query, SearchPosition after, int limit) {
        return index.search(app, chat, query, after, limit);
    }

    @Override
    public Set<ChatNumber> chatsMentioning(AppId app, String query, int max) {
        return index.chatsMentioning(app, query, max);
    }

    @Override
    public Set<ChatNumber> chatsMentioningAmong(AppId app, String query, Collection<ChatNumber> among) {
        return index.chatsMentioningAmong(app, query, among);
    }
}
