package dev.chatplatform.infra.redis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import dev.chatplatform.infra.wire.WireConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;

/**
 * The Redis adapter as a process imports it: the client, the number counter, the pending copies, the
 * recent-messages cache and the health check. Settings in {@code chat/redis.yml}, which a process imports
 * with {@code spring.config.import}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RedisConfiguration.class)
@Import(WireConfiguration.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    UnifiedJedis redis(@Value("${chat.redis.host}") String host, @Value("${chat.redis.port}") int port,
                       @Value("${chat.redis.database:0}") int database,
                       @Value("${chat.redis.pool-size:64}") int poolSize,
                       @Value("${chat.redis.timeout:PT2S}") Duration timeout) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(Math.min(8, poolSize));
        pool.setMaxWait(timeout);
        return RedisClient.builder()
                .hostAndPort(host, port)
                .poolConfig(pool)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .timeoutMillis((int) timeout.toMillis())
                        .database(database)
                        .clientName("chat-platform")
                        .build())
                .build();
    }
}
