package dev.chatplatform.infra.redis;

import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Each chat has an entry (its newest persisted messages as JSON, see {@link RecentMessagesJson}) and a
 * generation counter. A reader that misses takes the generation, reads the database and fills; the
 * fill is a Lua compare that writes only while the generation is still the one the reader saw. The
 * worker's invalidation increments the generation and drops the entry in one step, so a fill computed
 * before a commit can never land after that commit's invalidation.
 * <p>
 * Entries expire after an hour, so an idle chat costs nothing. Generations live a day after their last
 * invalidation: long enough that no reader is still between its miss and its fill when one expires
 * (expiry sends the generation back to 0, which a reader that saw 0 before an invalidation could match).
 */
@Component
public class RedisRecentMessagesCache implements RecentMessagesCache {

    private static final long ENTRY_TTL_SECONDS = 3600;
    private static final long GENERATION_TTL_SECONDS = 24 * 3600;

    /** KEYS: entry, generation; ARGV: the reader's generation, the entry, ttl. 1 if stored, 0 if refused. */
    private static final LuaScript FILL = new LuaScript("""
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
            return 1""");

    /** KEYS: generation, entry, generation, entry, ...; ARGV: generation ttl. */
    private static final LuaScript INVALIDATE = new LuaScript("""
            for i = 1, #KEYS, 2 do
              redis.call('INCR', KEYS[i])
              redis.call('EXPIRE', KEYS[i], ARGV[1])
              redis.call('DEL', KEYS[i + 1])
            end
            return 0""");

    private static final Logger LOG = LoggerFactory.getLogger(RedisRecentMessagesCache.class);

    private final UnifiedJedis redis;

    public RedisRecentMessagesCache(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public Lookup lookup(AppId app, ChatNumber chat) {
        // One MGET: the entry and the generation as of the same instant.
        List<String> values = Redis.call(() -> redis.mget(entryKey(app, chat), generationKey(app, chat)));
        String entry = values.get(0);
        long generation = values.get(1) == null ? 0 : Long.parseLong(values.get(1));
        if (entry != null) {
            try {
                return new Hit(RecentMessagesJson.decode(app, chat, entry));
            } catch (RuntimeException unreadable) {
                // e.g. written by another version during a rolling upgrade: the reader refills it
                LOG.warn("unreadable recent-messages entry of chat {} in app {}, reading the database instead: {}",
                        chat.value(), app.value(), unreadable.toString());
            }
        }
        return new Miss(generation);
    }

    @Override
    public void fill(AppId app, ChatNumber chat, long generation, List<Message> newestFirst) {
        List<Message> newest = newestFirst.size() > SIZE ? newestFirst.subList(0, SIZE) : newestFirst;
        String entry = RecentMessagesJson.encode(newest);
        Redis.run(() -> FILL.run(redis, List.of(entryKey(app, chat), generationKey(app, chat)),
                List.of(Long.toString(generation), entry, Long.toString(ENTRY_TTL_SECONDS))));
    }

    @Override
    public void invalidate(AppId app, Collection<ChatNumber> chats) {
        if (chats.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(chats.size() * 2);
        for (ChatNumber chat : chats) {
            keys.add(generationKey(app, chat));
            keys.add(entryKey(app, chat));
        }
        Redis.run(() -> INVALIDATE.run(redis, keys, List.of(Long.toString(GENERATION_TTL_SECONDS))));
    }

    private static String entryKey(AppId app, ChatNumber chat) {
        return "recent:msgs:" + app.value() + ":" + chat.value();
    }

    private static String generationKey(AppId app, ChatNumber chat) {
        return "recent:gen:" + app.value() + ":" + chat.value();
    }
}
