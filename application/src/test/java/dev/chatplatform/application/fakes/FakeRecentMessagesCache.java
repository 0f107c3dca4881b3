package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The recent-messages cache in memory, with the Redis adapter's generation rule. */
public final class FakeRecentMessagesCache implements RecentMessagesCache {

    private final Map<ChatKey, Long> generations = new HashMap<>();
    private final Map<ChatKey, List<Message>> entries = new HashMap<>();
    private final Outage outage = new Outage("redis");

    @Override
    public synchronized Lookup lookup(AppId app, ChatNumber chat) {
        outage.check();
        ChatKey key = new ChatKey(app, chat);
        List<Message> entry = entries.get(key);
        return entry != null ? new Hit(entry) : new Miss(generations.getOrDefault(key, 0L));
    }

    @Override
    public synchronized void fill(AppId app, ChatNumber chat, long generation, List<Message> newestFirst) {
        outage.check();
        ChatKey key = new ChatKey(app, chat);
        if (generations.getOrDefault(key, 0L) == generation) {
            entries.put(key, List.copyOf(newestFirst.size() > SIZE ? newestFirst.subList(0, SIZE) : newestFirst));
        }
    }

    @Override
    public synchronized void invalidate(AppId app, Collection<ChatNumber> chats) {
        outage.check();
        for (ChatNumber chat : chats) {
            ChatKey key = new ChatKey(app, chat);
            generations.merge(key, 1L, Long::sum);
            entries.remove(key);
        }
    }

    public Outage outage() {
        return outage;
    }

    private record ChatKey(AppId app, ChatNumber chat) {
    }
}
