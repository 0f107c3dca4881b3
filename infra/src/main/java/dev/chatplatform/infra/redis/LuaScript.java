package dev.chatplatform.infra.redis;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lua script called by its SHA-1 ({@code EVALSHA}): its text crosses the network once per Redis
 * process, not with every call (issue 11: the number script's text was most of a POST's Redis bytes).
 * A Redis that does not know it (restarted, or {@code SCRIPT FLUSH}) answers NOSCRIPT, and the call is
 * made once more with {@code EVAL}, which also caches the script there for the next calls.
 */
public final class LuaScript {

    private final String source;
    private final String sha1;

    public LuaScript(String source) {
        this.source = source;
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException unknownToThisRedis) {
            return redis.eval(source, keys, args);
        }
    }

    /**
     * Runs the script once per call, all of them in one pipeline: one round trip for the lot instead of one each.
     * A call that Redis answers NOSCRIPT is made again alone ({@link #run}); any other failure is thrown once the
     * pipeline is read, after the calls before and after it have run (each script is atomic on its own).
     */
    void runAll(UnifiedJedis redis, List<Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        List<Response<Object>> answers = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Call call : calls) {
                answers.add(pipeline.evalsha(sha1, call.keys(), call.args()));
            }
            pipeline.sync();
        }
        for (int i = 0; i < calls.size(); i++) {
            try {
                answers.get(i).get();
            } catch (JedisNoScriptException unknownToThisRedis) {
                run(redis, calls.get(i).keys(), calls.get(i).args());
            }
        }
    }

    /** One call of a script: its keys and its arguments. */
    record Call(List<String> keys, List<String> args) {
    }

    String sha1() {
        return sha1;
    }
}
