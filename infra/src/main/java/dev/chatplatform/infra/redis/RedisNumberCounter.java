package dev.chatplatform.infra.redis;

import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberSequence;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

import java.util.List;

/**
 * Each sequence is a hash {n, ceil, t}. Allocation is one Lua script, so the increment and the ceiling
 * check are atomic: INCR's guarantee, plus the rule that no number passes the durable reservation. The same
 * step stamps the number with Redis's clock ({@code TIME}), raised to the sequence's last stamp {@code t} when
 * that clock is behind it: one clock for every API instance, and never a step back while the hash lives.
 */
@Component
public class RedisNumberCounter implements NumberCounter {

    /**
     * ARGV: the low-water mark. Returns {number, stamp}; {number, stamp, ceiling} if fewer than the low-water mark
     * of numbers are left under the ceiling after it; -1 if the counter is missing; -(2 + ceiling) if the ceiling
     * is reached. The stamp is epoch milliseconds (a Lua number holds them exactly).
     */
    private static final LuaScript NEXT = new LuaScript("""
            local state = redis.call('HMGET', KEYS[1], 'n', 'ceil', 't')
            if not state[1] then return -1 end
            local n = tonumber(state[1]) + 1
            local ceil = tonumber(state[2] or '0')
            if n > ceil then return -2 - ceil end
            local now = redis.call('TIME')
            local t = math.max(tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000), tonumber(state[3] or '0'))
            redis.call('HSET', KEYS[1], 'n', n, 't', t)
            if ceil - n < tonumber(ARGV[1]) then return {n, t, ceil} end
            return {n, t}""");

    /** Creates the counter at ARGV[1] numbers handed out and ceiling ARGV[2], unless it exists. */
    private static final LuaScript CREATE = new LuaScript("""
            if redis.call('HEXISTS', KEYS[1], 'n') == 0 then
              redis.call('HSET', KEYS[1], 'n', ARGV[1], 'ceil', ARGV[2])
            end
            return 0""");

    /** Raises the ceiling of an existing counter only: a counter lost meanwhile must be re-seeded, not half-made. */
    private static final LuaScript RAISE = new LuaScript("""
            if redis.call('HEXISTS', KEYS[1], 'n') == 1 and
               tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'ceil') or '0') then
              redis.call('HSET', KEYS[1], 'ceil', ARGV[1])
            end
            return 0""");

    /**
     * Moves a counter forward to at least ARGV[1] numbers handed out and a ceiling of at least ARGV[2],
     * creating it if absent: for numbers handed out outside the API (the data set's bulk load).
     */
    private static final LuaScript ADVANCE = new LuaScript("""
            local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
            local ceil = tonumber(redis.call('HGET', KEYS[1], 'ceil') or '0')
            redis.call('HSET', KEYS[1], 'n', math.max(n, tonumber(ARGV[1])), 'ceil', math.max(ceil, tonumber(ARGV[2])))
            return 0""");

    private final UnifiedJedis redis;
    private final ScriptPipeline pipeline;

    /** {@code pipeline}: the next number of a sequence travels with the other requests' scripts. */
    public RedisNumberCounter(UnifiedJedis redis, ScriptPipeline pipeline) {
        this.redis = redis;
        this.pipeline = pipeline;
    }

    @Override
    public Allocation next(NumberSequence key, long lowWater) {
        Object answer = Redis.call(() -> pipeline.run(NEXT, List.of(redisKey(key)), List.of(Long.toString(lowWater))));
        if (answer instanceof List<?> numbered) {
            long number = (Long) numbered.get(0);
            long stamp = (Long) numbered.get(1);
            return numbered.size() == 3 ? new Allocation.NearCeiling(number, stamp, (Long) numbered.get(2))
                    : new Allocation.Allocated(number, stamp);
        }
        long result = (Long) answer;
        if (result == -1) {
            return new Allocation.Missing();
        }
        return new Allocation.Exhausted(-result - 2);
    }

    @Override
    public void open(NumberSequence key, long ceiling) {
        Redis.run(() -> pipeline.run(CREATE, List.of(redisKey(key)), List.of("0", Long.toString(ceiling))));
    }

    @Override
    public void seed(NumberSequence key, long floor) {
        Redis.run(() -> CREATE.run(redis, List.of(redisKey(key)), List.of(Long.toString(floor), Long.toString(floor))));
    }

    @Override
    public void raiseCeiling(NumberSequence key, long ceiling) {
        Redis.run(() -> RAISE.run(redis, List.of(redisKey(key)), List.of(Long.toString(ceiling))));
    }

    /**
     * Records numbers up to {@code handedOut} as used, with a ceiling of at least {@code ceiling} (which
     * the caller has reserved durably). Never moves a counter back.
     */
    public void advance(NumberSequence key, long handedOut, long ceiling) {
        Redis.run(() -> ADVANCE.run(redis, List.of(redisKey(key)), List.of(Long.toString(handedOut), Long.toString(ceiling))));
    }

    /** How many numbers the counter has handed out; -1 if it does not exist. */
    public long handedOut(NumberSequence key) {
        String n = Redis.call(() -> redis.hget(redisKey(key), "n"));
        return n == null ? -1 : Long.parseLong(n);
    }

    static String redisKey(NumberSequence key) {
        return "seq:" + key.app().value() + ":" + key.scope();
    }
}
