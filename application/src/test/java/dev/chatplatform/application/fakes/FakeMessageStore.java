package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.ReactionSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The messages table in memory, with the MySQL adapter's rules: a state is stored unless a newer
 * updated_at is stored already; a save moves the chat's last message in the chat store it shares a
 * database with; reads carry the reaction summaries of the reaction store it shares a database with.
 */
public final class FakeMessageStore implements MessageStore {

    private final Map<ChatKey, NavigableMap<Long, Message>> rows = new HashMap<>();
    private final FakeChatStore chats;
    private final FakeReactionStore reactions;
    private final Outage outage = new Outage("mysql");

    public FakeMessageStore(FakeChatStore chats) {
        this(chats, new FakeReactionStore());
    }

    public FakeMessageStore(FakeChatStore chats, FakeReactionStore reactions) {
        this.chats = chats;
        this.reactions = reactions;
    }

    @Override
    public synchronized Optional<Message> find(AppId app, ChatNumber chat, MessageNumber number) {
        outage.check();
        NavigableMap<Long, Message> ofChat = rows.get(new ChatKey(app, chat));
        return Optional.ofNullable(ofChat == null ? null : ofChat.get(number.value())).map(this::withReactions);
    }

    @Override
    public synchronized List<Message> findAll(AppId app, Collection<Key> keys) {
        outage.check();
        List<Message> found = new ArrayList<>();
        for (Key key : keys) {
            NavigableMap<Long, Message> ofChat = rows.get(new ChatKey(app, key.chat()));
            Message message = ofChat == null ? null : ofChat.get(key.number().value());
            if (message != null) {
                found.add(withReactions(message));
            }
        }
        return found;
    }

    @Override
    public synchronized List<Message> walk(AppId app, Position after, int limit) {
        outage.check();
        return rows.values().stream()
                .flatMap(ofChat -> ofChat.values().stream())
                .filter(m -> app == null || m.appId().equals(app))
                .filter(m -> after == null || isAfter(Position.of(m), after))
                .sorted(java.util.Comparator.comparingLong((Message m) -> m.appId().value())
                        .thenComparingLong(m -> m.chatNumber().value()).thenComparingLong(m -> m.number().value()))
                .limit(limit)
                .map(this::withReactions)
                .toList();
    }

    private static boolean isAfter(Position position, Position after) {
        int byApp = Long.compare(position.app().value(), after.app().value());
        int byChat = Long.compare(position.chat().value(), after.chat().value());
        return byApp > 0 || byApp == 0 && (byChat > 0 || byChat == 0 && position.number().value() > after.number().value());
    }

    @Override
    public synchronized List<Message> page(AppId app, ChatNumber chat, MessageRange range, int limit) {
        outage.check();
        NavigableMap<Long, Message> ofChat = rows.get(new ChatKey(app, chat));
        if (ofChat == null) {
            return List.of();
        }
        return ofChat.headMap(range.upperExclusive(), false).descendingMap().values().stream()
                .filter(range::contains)
                .limit(limit)
                .map(this::withReactions)
                .toList();
    }

    @Override
    public synchronized void saveAll(List<Message> messages) {
        outage.check();
        for (Message message : messages) {
            Message state = message.withReactions(ReactionSummary.EMPTY);
            rows.computeIfAbsent(new ChatKey(message.appId(), message.chatNumber()), k -> new TreeMap<>())
                    .merge(message.number().value(), state, (stored, saved) -> saved.isNewerThan(stored)
                            ? new Message(stored.appId(), stored.chatNumber(), stored.number(), saved.body(),
                            stored.sender(), ReactionSummary.EMPTY, stored.createdAt(), saved.updatedAt())
                            : stored);
            chats.recordMessage(message.appId(), message.chatNumber(), message.number().value(), message.createdAt());
        }
    }

    public Outage outage() {
        return outage;
    }

    private Message withReactions(Message stored) {
        return stored.withReactions(reactions.summaryOf(stored.appId(), stored.chatNumber(), stored.number()));
    }

    private record ChatKey(AppId app, ChatNumber chat) {
    }
}
