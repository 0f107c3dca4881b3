package dev.chatplatform.infra.redis;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.worker.messaging.WriteCodec;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending states, stored in the same bytes as the queued command. A chat is one key; a chat's pending
 * messages are a hash (number -> state) plus a sorted set of numbers for range reads. The worker
 * settles an entry only if it still holds the very state that was persisted (compare-and-delete), so
 * a newer edit stays visible until it is persisted too. Entries expire after a day as a backstop.
 */
@Component
public class RedisPendingWrites implements PendingWrites {

    private static final long TTL_SECONDS = 24 * 3600;

    private static final String SETTLE_CHAT = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 0""";

    /** KEYS: hash, sorted set; ARGV: number, state, number, state, ... */
    private static final String SETTLE_MESSAGES = """
            for i = 1, #ARGV, 2 do
              if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
                redis.call('HDEL', KEYS[1], ARGV[i])
                redis.call('ZREM', KEYS[2], ARGV[i])
              end
            end
            return 0""";

    private final UnifiedJedis redis;
    private final WriteCodec codec;

    public RedisPendingWrites(UnifiedJedis redis, WriteCodec codec) {
        this.redis = redis;
        this.codec = codec;
    }

    @Override
    public void put(Chat chat) {
        Redis.run(() -> redis.setex(chatKey(chat.appId(), chat.number()), TTL_SECONDS, text(codec.encode(chat))));
    }

    @Override
    public void put(Message message) {
        String hash = messagesKey(message.appId(), message.chatNumber());
        String numbers = numbersKey(message.appId(), message.chatNumber());
        String number = Long.toString(message.number().value());
        Redis.run(() -> {
            try (AbstractTransaction tx = redis.multi()) {
                tx.hset(hash, number, text(codec.encode(message)));
                tx.zadd(numbers, message.number().value(), number);
                tx.expire(hash, TTL_SECONDS);
                tx.expire(numbers, TTL_SECONDS);
                tx.exec();
            }
        });
    }

    @Override
    public Optional<Chat> findChat(AppId app, ChatNumber number) {
        String state = Redis.call(() -> redis.get(chatKey(app, number)));
        return Optional.ofNullable(state).map(s -> ((WriteCodec.ChatWrite) codec.decode(bytes(s))).chat());
    }

    @Override
    public Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number) {
        String state = Redis.call(() -> redis.hget(messagesKey(app, chat), Long.toString(number.value())));
        return Optional.ofNullable(state).map(this::message);
    }

    @Override
    public List<Message> messagesBelow(AppId app, ChatNumber chat, long belowNumber, int limit) {
        List<String> numbers = Redis.call(() -> redis.zrange(numbersKey(app, chat),
                ZRangeParams.zrangeByScoreParams(belowNumber - 1, Double.NEGATIVE_INFINITY).rev().limit(0, limit)));
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<String> states = Redis.call(() -> redis.hmget(messagesKey(app, chat), numbers.toArray(String[]::new)));
        List<Message> messages = new ArrayList<>(states.size());
        for (String state : states) {
            if (state != null) {
                messages.add(message(state));
            }
        }
        return messages;
    }

    @Override
    public void settleChats(List<Chat> persisted) {
        for (Chat chat : persisted) {
            Redis.run(() -> redis.eval(SETTLE_CHAT, List.of(chatKey(chat.appId(), chat.number())),
                    List.of(text(codec.encode(chat)))));
        }
    }

    @Override
    public void settleMessages(List<Message> persisted) {
        Map<String, List<Message>> byChat = new LinkedHashMap<>();
        for (Message message : persisted) {
            byChat.computeIfAbsent(messagesKey(message.appId(), message.chatNumber()), k -> new ArrayList<>()).add(message);
        }
        for (List<Message> messages : byChat.values()) {
            Message first = messages.getFirst();
            List<String> args = new ArrayList<>(messages.size() * 2);
            for (Message message : messages) {
                args.add(Long.toString(message.number().value()));
                args.add(text(codec.encode(message)));
            }
            Redis.run(() -> redis.eval(SETTLE_MESSAGES,
                    List.of(messagesKey(first.appId(), first.chatNumber()), numbersKey(first.appId(), first.chatNumber())),
                    args));
        }
    }

    private Message message(String state) {
        return ((WriteCodec.MessageWrite) codec.decode(bytes(state))).message();
    }

    private static String chatKey(AppId app, ChatNumber number) {
        return "pending:chat:" + app.value() + ":" + number.value();
    }

    private static String messagesKey(AppId app, ChatNumber chat) {
        return "pending:msg:" + app.value() + ":" + chat.value();
    }

    private static String numbersKey(AppId app, ChatNumber chat) {
        return "pending:msgnum:" + app.value() + ":" + chat.value();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
