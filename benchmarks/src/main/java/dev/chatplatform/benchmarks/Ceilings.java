package dev.chatplatform.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw ceilings of the parts on this machine, for the POST figures to be read against: Redis INCR/s
 * (one round trip each from several threads, and pipelined) and confirmed persistent publishes/s to a
 * quorum queue like the write queue (a scratch queue, deleted afterwards).
 */
public final class Ceilings {

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(Settings.intProp("bench.ceiling.seconds", 10));
        int threads = Settings.intProp("bench.ceiling.threads", 8);
        String key = "bench:ceiling:" + ProcessHandle.current().pid();
        Results.put("ceiling.redis_incr_per_s", redisIncr(key, threads, duration));
        Results.put("ceiling.redis_incr_pipelined_per_s", redisIncrPipelined(key, duration));
        Results.put("ceiling.rabbit_confirmed_per_s", rabbitConfirmed(duration));
    }

    private static Jedis jedis() {
        return Drain.redis();
    }

    static double redisIncr(String key, int threads, Duration duration) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Jedis jedis = jedis()) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        jedis.incr(key);
                        n++;
                    }
                    done.addAndGet(n);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Redis INCR ceiling failed", failure.get());
        }
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        try (Jedis jedis = jedis()) {
            jedis.del(key);
        }
        return rate;
    }

    static double redisIncrPipelined(String key, Duration duration) {
        try (Jedis jedis = jedis()) {
            long n = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                Pipeline pipeline = jedis.pipelined();
                for (int i = 0; i < 100; i++) {
                    pipeline.incr(key);
                }
                pipeline.sync();
                n += 100;
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            jedis.del(key);
            return rate;
        }
    }

    static double rabbitConfirmed(Duration duration) throws Exception {
        String queue = "bench.ceiling." + ProcessHandle.current().pid();
        // A body of the size of a typical message command.
        byte[] body = ("{\"kind\":\"message\",\"app_id\":1,\"chat_number\":1,\"number\":1,\"body\":\""
                + "x".repeat(120) + "\",\"sender\":null,\"created_at\":\"2026-11-23T08:15:30.123Z\","
                + "\"updated_at\":\"2026-11-23T08:15:30.123Z\"}").getBytes(StandardCharsets.UTF_8);
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
                .contentType("application/json").build();
        try (Connection connection = Rabbit.connect("bench-ceiling"); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            try {
                Confirms confirms = new Confirms(channel, Settings.intProp("bench.ceiling.window", 1000));
                long start = System.nanoTime();
                long end = start + duration.toNanos();
                while (System.nanoTime() < end) {
                    confirms.beforePublish();
                    channel.basicPublish("", queue, properties, body);
                }
                confirms.awaitAll();
                double rate = confirms.confirmed() / ((System.nanoTime() - start) / 1e9);
                if (confirms.nacked() > 0) {
                    Results.put("ceiling.rabbit_nacked", confirms.nacked());
                }
                return rate;
            } finally {
                channel.queueDelete(queue);
            }
        }
    }
}
