package dev.chatplatform.infra.redis;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.infra.wire.WriteCodec;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Pending states. Chats, messages and users are stored in the same bytes as the queued command: a chat
 * or a user is one key; a chat's pending messages are a hash (number -> state) plus a sorted set of
 * numbers for range reads. The worker settles those only if they still hold the very state that was
 * persisted (compare-and-delete), so a newer edit stays visible until it is persisted too.
 * <p>
 * Reactions and receipts are not versioned by time but ordered by their own values (the higher score,
 * the larger cursors), and several API instances put them concurrently: each chat has one hash of
 * reactions ({@code message:user:type -> "score created updated"}) and one of receipts
 * ({@code user -> "delivered read epochSecond nano"}), and a Lua script compares and writes in one step,
 * so two concurrent puts can never leave the lower state behind. Entries expire after a day as a backstop.
 */
@Component
public class RedisPendingWrites implements PendingWrites {

    private static final long TTL_SECONDS = 24 * 3600;

    /** KEYS: state keys; ARGV: the persisted state of each, in the same order. */
    private static final LuaScript SETTLE_STATES = new LuaScript("""
            for i = 1, #KEYS do
              if redis.call('GET', KEYS[i]) == ARGV[i] then redis.call('DEL', KEYS[i]) end
            end
            return 0""");

    /** KEYS: hash, sorted set; ARGV: number, state, number, state, ... */
    private static final LuaScript SETTLE_MESSAGES = new LuaScript("""
            for i = 1, #ARGV, 2 do
              if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
                redis.call('HDEL', KEYS[1], ARGV[i])
                redis.call('ZREM', KEYS[2], ARGV[i])
              end
            end
            return 0""");

    /** KEYS: the chat's reactions; ARGV: field, "score created updated", ttl. Keeps the higher score. */
    private static final LuaScript PUT_REACTION = new LuaScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            local score = tonumber(string.match(ARGV[2], '^(%d+) '))
            if not old or (tonumber(string.match(old, '^(%d+) ')) or 0) < score then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            end
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 0""");

    /** KEYS: the chat's reactions; ARGV: field, persisted score, field, persisted score, ... */
    private static final LuaScript SETTLE_REACTIONS = new LuaScript("""
            for i = 1, #ARGV, 2 do
              local pending = redis.call('HGET', KEYS[1], ARGV[i])
              if pending and (tonumber(string.match(pending, '^(%d+) ')) or 0) <= tonumber(ARGV[i + 1]) then
                redis.call('HDEL', KEYS[1], ARGV[i])
              end
            end
            return 0""");

    /**
     * KEYS: the chat's receipts; ARGV: user, delivered, read, epoch second, nano, ttl. Merges with the
     * pending state: the larger of each cursor, the later version.
     */
    private static final LuaScript PUT_RECEIPT = new LuaScript("""
            local d, r, s, n = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if old then
              local od, o_r, o_s, o_n = string.match(old, '^(%d+) (%d+) (%-?%d+) (%d+)$')
              if od then
                if tonumber(od) > tonumber(d) then d = od end
                if tonumber(o_r) > tonumber(r) then r = o_r end
                if tonumber(o_s) > tonumber(s) or (tonumber(o_s) == tonumber(s) and tonumber(o_n) > tonumber(n)) then
                  s, n = o_s, o_n
                end
              end
            end
            redis.call('HSET', KEYS[1], ARGV[1], d .. ' ' .. r .. ' ' .. s .. ' ' .. n)
            redis.call('EXPIRE', KEYS[1], ARGV[6])
            return 0""");

    /**
     * KEYS: the chat's pending messages (hash) and their numbers (sorted set); ARGV: number, state, ttl.
     * One round trip, as one script (it was MULTI, HSET, ZADD, EXPIRE, EXPIRE, EXEC).
     */
    private static final LuaScript PUT_MESSAGE = new LuaScript("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            redis.call('EXPIRE', KEYS[2], ARGV[3])
            return 0""");

    /** KEYS: the chat's receipts; ARGV: user, delivered, read, ... Drops what the persisted cursors cover. */
    private static final LuaScript SETTLE_RECEIPTS = new LuaScript("""
            for i = 1, #ARGV, 3 do
              local pending = redis.call('HGET', KEYS[1], ARGV[i])
              if pending then
                local d, r = string.match(pending, '^(%d+) (%d+) ')
                if not d or (tonumber(d) <= tonumber(ARGV[i + 1]) and tonumber(r) <= tonumber(ARGV[i + 2])) then
                  redis.call('HDEL', KEYS[1], ARGV[i])
                end
              end
            end
            return 0""");

    private final UnifiedJedis redis;
    private final ScriptPipeline pipeline;
    private final WriteCodec codec;

    /** {@code pipeline}: a message's pending copy, the hot one, travels with the other requests' scripts. */
    public RedisPendingWrites(UnifiedJedis redis, ScriptPipeline pipeline, WriteCodec codec) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.codec = codec;
    }

    /** KEYS: the state's key; ARGV: the state, ttl. A plain SET, as a script so it can travel in the pipeline. */
    private static final LuaScript PUT_STATE = new LuaScript("""
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 0""");

    @Override
    public void put(Chat chat) {
        Redis.run(() -> pipeline.run(PUT_STATE, List.of(chatKey(chat.appId(), chat.number())),
                List.of(text(codec.encode(chat)), Long.toString(TTL_SECONDS))));
    }

    @Override
    public void put(Message message) {
        String hash = messagesKey(message.appId(), message.chatNumber());
        String numbers = numbersKey(message.appId(), message.chatNumber());
        String number = Long.toString(message.number().value());
        Redis.run(() -> pipeline.run(PUT_MESSAGE, List.of(hash, numbers),
                List.of(number, text(codec.encode(message)), Long.toString(TTL_SECONDS))));
    }

    @Override
    public void put(User user) {
        Redis.run(() -> pipeline.run(PUT_STATE, List.of(userKey(user.appId(), user.id())),
                List.of(text(codec.encode(user)), Long.toString(TTL_SECONDS))));
    }

    @Override
    public void put(Reaction reaction) {
        Redis.run(() -> pipeline.run(PUT_REACTION, List.of(reactionsKey(reaction.appId(), reaction.chat())),
                List.of(field(reaction.key()), reactionState(reaction), Long.toString(TTL_SECONDS))));
    }

    @Override
    public void put(Receipt receipt) {
        Instant version = receipt.updatedAt();
        Redis.run(() -> pipeline.run(PUT_RECEIPT, List.of(receiptsKey(receipt.appId(), receipt.chat())),
                List.of(receipt.user().value(), Long.toString(receipt.deliveredUpTo()), Long.toString(receipt.readUpTo()),
                        Long.toString(version.getEpochSecond()), Integer.toString(version.getNano()),
                        Long.toString(TTL_SECONDS))));
    }

    @Override
    public Optional<Chat> findChat(AppId app, ChatNumber number) {
        String state = Redis.call(() -> redis.get(chatKey(app, number)));
        return Optional.ofNullable(state).map(this::chat);
    }

    @Override
    public Optional<Message> findMessage(AppId app, ChatNumber chat, MessageNumber number) {
        String state = Redis.call(() -> redis.hget(messagesKey(app, chat), Long.toString(number.value())));
        return Optional.ofNullable(state).map(this::message);
    }

    @Override
    public List<Message> messagesBetween(AppId app, ChatNumber chat, long aboveNumber, long belowNumber, int limit) {
        if (limit <= 0 || belowNumber <= aboveNumber + 1) {
            return List.of();
        }
        // Scores are doubles: exact for every number up to 2^53, and the bounds are exclusive by one.
        double max = belowNumber == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : belowNumber - 1;
        double min = aboveNumber == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : aboveNumber + 1;
        List<String> numbers = Redis.call(() -> redis.zrange(numbersKey(app, chat),
                ZRangeParams.zrangeByScoreParams(max, min).rev().limit(0, limit)));
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
    public Optional<User> findUser(AppId app, UserId id) {
        String state = Redis.call(() -> redis.get(userKey(app, id)));
        return Optional.ofNullable(state).map(s -> ((WriteCodec.UserWrite) codec.decode(bytes(s))).user());
    }

    @Override
    public Optional<Reaction> findReaction(AppId app, ChatNumber chat, Reaction.Key key) {
        String field = field(key);
        return Optional.ofNullable(Redis.call(() -> redis.hget(reactionsKey(app, chat), field)))
                .map(state -> reaction(app, chat, field, state));
    }

    @Override
    public List<Reaction> reactions(AppId app, ChatNumber chat) {
        Map<String, String> states = Redis.call(() -> redis.hgetAll(reactionsKey(app, chat)));
        List<Reaction> reactions = new ArrayList<>(states.size());
        states.forEach((field, state) -> reactions.add(reaction(app, chat, field, state)));
        return reactions;
    }

    @Override
    public Map<UserId, Receipt> receipts(AppId app, ChatNumber chat) {
        Map<String, String> states = Redis.call(() -> redis.hgetAll(receiptsKey(app, chat)));
        Map<UserId, Receipt> receipts = new HashMap<>();
        states.forEach((user, state) -> receipts.put(new UserId(user), receipt(app, chat, user, state)));
        return receipts;
    }

    /**
     * KEYS: the chat's state, its pending numbers, messages, reactions, receipts; ARGV: the highest and lowest
     * score of the messages wanted (or +inf, -inf), how many at most (0: none). Returns the chat's state (nil when
     * none), the messages' states newest first, and the reactions and receipts as HGETALL lists them.
     */
    private static final LuaScript CHAT_PENDING = new LuaScript("""
            local messages = {}
            local limit = tonumber(ARGV[3])
            if limit > 0 then
              local numbers = redis.call('ZRANGE', KEYS[2], ARGV[1], ARGV[2], 'BYSCORE', 'REV', 'LIMIT', 0, limit)
              for i = 1, #numbers, 500 do
                local states = redis.call('HMGET', KEYS[3], unpack(numbers, i, math.min(i + 499, #numbers)))
                for j = 1, #states do
                  if states[j] then messages[#messages + 1] = states[j] end
                end
              end
            end
            return {redis.call('GET', KEYS[1]), messages, redis.call('HGETALL', KEYS[4]), redis.call('HGETALL', KEYS[5])}""");

    /** The four reads of {@link PendingWrites#chatPending} as one script, which travels in the shared pipeline. */
    @Override
    public ChatPending chatPending(AppId app, ChatNumber chat, long aboveNumber, long belowNumber, int limit) {
        boolean none = limit <= 0 || belowNumber <= aboveNumber + 1;
        String max = belowNumber == Long.MAX_VALUE ? "+inf" : Long.toString(belowNumber - 1);
        String min = aboveNumber == Long.MIN_VALUE ? "-inf" : Long.toString(aboveNumber + 1);
        List<?> answer = (List<?>) Redis.call(() -> pipeline.run(CHAT_PENDING,
                List.of(chatKey(app, chat), numbersKey(app, chat), messagesKey(app, chat), reactionsKey(app, chat),
                        receiptsKey(app, chat)),
                List.of(max, min, Integer.toString(none ? 0 : limit))));
        Optional<Chat> state = Optional.ofNullable((String) answer.get(0)).map(this::chat);
        List<Message> messages = new ArrayList<>();
        for (Object message : (List<?>) answer.get(1)) {
            messages.add(message((String) message));
        }
        List<Reaction> reactions = new ArrayList<>();
        pairs(answer.get(2), (field, value) -> reactions.add(reaction(app, chat, field, value)));
        Map<UserId, Receipt> receipts = new HashMap<>();
        pairs(answer.get(3), (user, value) -> receipts.put(new UserId(user), receipt(app, chat, user, value)));
        return new ChatPending(state, messages, reactions, receipts);
    }

    /** The field-value pairs of an HGETALL answer, in a script's answer a flat list. */
    private static void pairs(Object hgetall, BiConsumer<String, String> each) {
        List<?> flat = (List<?>) hgetall;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            each.accept((String) flat.get(i), (String) flat.get(i + 1));
        }
    }

    @Override
    public void settleChats(List<Chat> persisted) {
        settleStates(persisted.stream().map(chat -> chatKey(chat.appId(), chat.number())).toList(),
                persisted.stream().map(chat -> text(codec.encode(chat))).toList());
    }

    @Override
    public void settleUsers(List<User> persisted) {
        settleStates(persisted.stream().map(user -> userKey(user.appId(), user.id())).toList(),
                persisted.stream().map(user -> text(codec.encode(user))).toList());
    }

    @Override
    public void settleMessages(List<Message> persisted) {
        Map<String, List<Message>> byChat = new LinkedHashMap<>();
        for (Message message : persisted) {
            byChat.computeIfAbsent(messagesKey(message.appId(), message.chatNumber()), k -> new ArrayList<>()).add(message);
        }
        List<LuaScript.Call> calls = new ArrayList<>(byChat.size());
        for (List<Message> messages : byChat.values()) {
            Message first = messages.getFirst();
            List<String> args = new ArrayList<>(messages.size() * 2);
            for (Message message : messages) {
                args.add(Long.toString(message.number().value()));
                args.add(text(codec.encode(message)));
            }
            calls.add(new LuaScript.Call(
                    List.of(messagesKey(first.appId(), first.chatNumber()), numbersKey(first.appId(), first.chatNumber())),
                    args));
        }
        // In the shared pipeline, every chat of the batch at once: a batch in 500 chats was 500 round trips in a row.
        Redis.run(() -> pipeline.runAll(SETTLE_MESSAGES, calls));
    }

    @Override
    public void settleReactions(List<Reaction> persisted) {
        Map<String, List<String>> byChat = new LinkedHashMap<>();
        for (Reaction reaction : persisted) {
            List<String> args = byChat.computeIfAbsent(reactionsKey(reaction.appId(), reaction.chat()), k -> new ArrayList<>());
            args.add(field(reaction.key()));
            args.add(Long.toString(reaction.score()));
        }
        Redis.run(() -> pipeline.runAll(SETTLE_REACTIONS, calls(byChat)));
    }

    @Override
    public void settleReceipts(List<Receipt> persisted) {
        Map<String, List<String>> byChat = new LinkedHashMap<>();
        for (Receipt receipt : persisted) {
            List<String> args = byChat.computeIfAbsent(receiptsKey(receipt.appId(), receipt.chat()), k -> new ArrayList<>());
            args.add(receipt.user().value());
            args.add(Long.toString(receipt.deliveredUpTo()));
            args.add(Long.toString(receipt.readUpTo()));
        }
        Redis.run(() -> pipeline.runAll(SETTLE_RECEIPTS, calls(byChat)));
    }

    /** One round trip for a whole batch: the worker settles up to a batch of states at a time. */
    private void settleStates(List<String> keys, List<String> persistedStates) {
        if (!keys.isEmpty()) {
            Redis.run(() -> SETTLE_STATES.run(redis, keys, persistedStates));
        }
    }

    private Chat chat(String state) {
        return ((WriteCodec.ChatWrite) codec.decode(bytes(state))).chat();
    }

    private Message message(String state) {
        return ((WriteCodec.MessageWrite) codec.decode(bytes(state))).message();
    }

    /** {@code "score created updated"}: the score first, where the scripts read it. */
    private static String reactionState(Reaction reaction) {
        return reaction.score() + " " + reaction.createdAt() + " " + reaction.updatedAt();
    }

    private static Reaction reaction(AppId app, ChatNumber chat, String field, String state) {
        String[] key = field.split(":", 3);
        String[] values = state.split(" ", 3);
        return new Reaction(app, chat, MessageNumber.of(Long.parseLong(key[0])), new UserId(key[1]),
                new ReactionType(key[2]), Long.parseLong(values[0]), Instant.parse(values[1]), Instant.parse(values[2]));
    }

    private static Receipt receipt(AppId app, ChatNumber chat, String user, String state) {
        String[] values = state.split(" ", 4);
        return new Receipt(app, chat, new UserId(user), Long.parseLong(values[0]), Long.parseLong(values[1]),
                Instant.ofEpochSecond(Long.parseLong(values[2]), Long.parseLong(values[3])));
    }

    /** User ids and reaction types contain no ':' (see their patterns), so the field splits back unambiguously. */
    private static String field(Reaction.Key key) {
        return key.message().value() + ":" + key.user().value() + ":" + key.type().value();
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

    private static String userKey(AppId app, UserId id) {
        return "pending:user:" + app.value() + ":" + id.value();
    }

    private static String reactionsKey(AppId app, ChatNumber chat) {
        return "pending:reaction:" + app.value() + ":" + chat.value();
    }

    private static String receiptsKey(AppId app, ChatNumber chat) {
        return "pending:receipt:" + app.value() + ":" + chat.value();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<LuaScript.Call> calls(Map<String, List<String>> argsByKey) {
        List<LuaScript.Call> calls = new ArrayList<>(argsByKey.size());
        argsByKey.forEach((key, args) -> calls.add(new LuaScript.Call(List.of(key), args)));
        return calls;
    }
}
