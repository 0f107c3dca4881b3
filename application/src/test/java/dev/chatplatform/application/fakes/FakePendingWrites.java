package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pending states in memory, with the Redis adapter's rules: a put replaces what is there (a reaction
 * only by a higher score, a receipt merges), and a settle removes an entry only while the persisted
 * state covers it. A chat keeps only the state a client writes, like the queued command it mirrors.
 */
public final class FakePendingWrites implements PendingWrites {

    private final Map<ChatKey, Chat> chats = new HashMap<>();
    private final Map<ChatKey, NavigableMap<Long, Message>> messages = new HashMap<>();
    private final Map<UserKey, User> users = new HashMap<>();
    private final Map<ChatKey, Map<Reaction.Key, Reaction>> reactions = new HashMap<>();
    private final Map<ChatKey, Map<UserId, Receipt>> receipts = new HashMap<>();
    private final Outage outage = new Outage("redis");

    @Override
    public synchronized void put(Chat chat) {
        outage.check();
        chats.put(ChatKey.of(chat.appId(), chat.number()), writtenState(chat));
    }

    @Override
    public synchronized void put(Message message) {
        outage.check();
        messages.computeIfAbsent(ChatKey.of(message.appId(), message.chatNumber()), k -> new TreeMap<>())
                .put(message.number().value(), message);
    }

    @Override
    public synchronized void put(User user) {
        outage.check();
        users.put(new UserKey(user.appId().value(), user.id()), user);
    }

    @Override
    public synchronized void put(Reaction reaction) {
        outage.check();
        reactions.computeIfAbsent(ChatKey.of(reaction.appId(), reaction.chat()), k -> new LinkedHashMap<>())
                .merge(reaction.key(), reaction, (pending, put) -> put.isNewerThan(pending) ? put : pending);
    }

    @Override
    public synchronized void put(Receipt receipt) {
        outage.check();
        receipts.computeIfAbsent(ChatKey.of(receipt.appId(), receipt.chat()), k -> new HashMap<>())
                .merge(receipt.user(), receipt, Receipt::merge);
    }

    @Override
    public synchronized Optional<Chat> findChat(AppId app, ChatNumber number) {
        outage.check();
        return Optional.ofNullable(chats.get(ChatKey.of(app, number)));
    }

    @Override
    public synchronized Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number) {
        outage.check();
        NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(app, chat));
        return Optional.ofNullable(ofChat == null ? null : ofChat.get(number.value()));
    }

    @Override
    public synchronized List<Message> messagesBetween(AppId app, ChatNumber chat, long aboveNumber, long belowNumber,
                                                      int limit) {
        outage.check();
        NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(app, chat));
        if (ofChat == null || aboveNumber >= belowNumber) {
            return List.of();
        }
        return ofChat.subMap(aboveNumber, false, belowNumber, false).descendingMap().values().stream()
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<User> findUser(AppId app, UserId id) {
        outage.check();
        return Optional.ofNullable(users.get(new UserKey(app.value(), id)));
    }

    @Override
    public synchronized Optional<Reaction> findReaction(AppId app, ChatNumber chat, Reaction.Key key) {
        outage.check();
        return Optional.ofNullable(reactions.getOrDefault(ChatKey.of(app, chat), Map.of()).get(key));
    }

    @Override
    public synchronized List<Reaction> reactions(AppId app, ChatNumber chat) {
        outage.check();
        return List.copyOf(reactions.getOrDefault(ChatKey.of(app, chat), Map.of()).values());
    }

    @Override
    public synchronized Map<UserId, Receipt> receipts(AppId app, ChatNumber chat) {
        outage.check();
        return Map.copyOf(receipts.getOrDefault(ChatKey.of(app, chat), Map.of()));
    }

    @Override
    public synchronized void settleChats(List<Chat> persisted) {
        outage.check();
        for (Chat chat : persisted) {
            chats.remove(ChatKey.of(chat.appId(), chat.number()), writtenState(chat));
        }
    }

    @Override
    public synchronized void settleMessages(List<Message> persisted) {
        outage.check();
        for (Message message : persisted) {
            NavigableMap<Long, Message> ofChat = messages.get(ChatKey.of(message.appId(), message.chatNumber()));
            if (ofChat != null) {
                ofChat.remove(message.number().value(), message);
            }
        }
    }

    @Override
    public synchronized void settleUsers(List<User> persisted) {
        outage.check();
        for (User user : persisted) {
            users.remove(new UserKey(user.appId().value(), user.id()), user);
        }
    }

    @Override
    public synchronized void settleReactions(List<Reaction> persisted) {
        outage.check();
        for (Reaction reaction : persisted) {
            Map<Reaction.Key, Reaction> ofChat = reactions.get(ChatKey.of(reaction.appId(), reaction.chat()));
            if (ofChat != null) {
                ofChat.computeIfPresent(reaction.key(), (key, pending) -> pending.score() <= reaction.score() ? null : pending);
            }
        }
    }

    @Override
    public synchronized void settleReceipts(List<Receipt> persisted) {
        outage.check();
        for (Receipt receipt : persisted) {
            Map<UserId, Receipt> ofChat = receipts.get(ChatKey.of(receipt.appId(), receipt.chat()));
            if (ofChat != null) {
                ofChat.computeIfPresent(receipt.user(), (user, pending) -> pending.isCoveredBy(receipt) ? null : pending);
            }
        }
    }

    /** Everything still pending, for assertions. */
    public synchronized List<Object> all() {
        List<Object> all = new ArrayList<>(chats.values());
        messages.values().forEach(ofChat -> all.addAll(ofChat.values()));
        all.addAll(users.values());
        reactions.values().forEach(ofChat -> all.addAll(ofChat.values()));
        receipts.values().forEach(ofChat -> all.addAll(ofChat.values()));
        return all;
    }

    public Outage outage() {
        return outage;
    }

    private static Chat writtenState(Chat chat) {
        return new Chat(chat.appId(), chat.number(), chat.title(), chat.participants(), 0, 0, null, chat.createdAt(),
                chat.updatedAt());
    }

    private record ChatKey(long app, long chat) {
        static ChatKey of(AppId app, ChatNumber chat) {
            return new ChatKey(Objects.requireNonNull(app).value(), chat.value());
        }
    }

    private record UserKey(long app, UserId id) {
    }
}
