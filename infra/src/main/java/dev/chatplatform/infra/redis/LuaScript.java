package dev.chatplatform.infra.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** One call of a script: its keys and its arguments. */
    record Call(List<String> keys, List<String> args) {
    }

    String sha1() {
        return sha1;
    }
}
