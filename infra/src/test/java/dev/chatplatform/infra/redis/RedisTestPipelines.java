package dev.chatplatform.infra.redis;

import redis.clients.jedis.UnifiedJedis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link ScriptPipeline} per Redis client of the tests, as the application context has one. */
final class RedisTestPipelines {

    private static final Map<UnifiedJedis, ScriptPipeline> PIPELINES = new ConcurrentHashMap<>();

    private RedisTestPipelines() {
    }

    static ScriptPipeline of(UnifiedJedis redis) {
        return PIPELINES.computeIfAbsent(redis, client -> new ScriptPipeline(client, 256, 8192));
    }
}
