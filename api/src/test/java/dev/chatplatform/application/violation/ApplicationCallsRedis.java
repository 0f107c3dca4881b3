package dev.chatplatform.application.violation;

import dev.chatplatform.infra.redis.RedisConfiguration;

/** Throwaway: the application ring depending on an adapter (ArchitectureRulesFailTest). */
public class ApplicationCallsRedis {

    public Object configuration() {
        return new RedisConfiguration();
    }
}
