package dev.chatplatform.infra.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code chat.queue.messages{queue}} and {@code chat.queue.consumers{queue}} for each write queue (persist,
 * index and the dead letters): how far behind the worker is, and whether anyone consumes. Read from the broker
 * with a passive declare on a timer of its own, so a scrape never waits for RabbitMQ; NaN while it cannot be read.
 */
public final class WriteQueueMeters implements DisposableBean {

    private record Depth(double messages, double consumers) {
    }

    private static final Depth UNKNOWN = new Depth(Double.NaN, Double.NaN);

    private final RabbitTemplate rabbit;
    private final List<String> queues;
    private final Map<String, Depth> depths = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-queue-depths").daemon().factory());

    public WriteQueueMeters(RabbitTemplate rabbit, List<String> queues, MeterRegistry meters, Duration interval) {
        this.rabbit = rabbit;
        this.queues = List.copyOf(queues);
        for (String queue : this.queues) {
            depths.put(queue, UNKNOWN);
            Gauge.builder("chat.queue.messages", depths, all -> all.getOrDefault(queue, UNKNOWN).messages())
                    .tag("queue", queue).description("Messages ready in the queue").register(meters);
            Gauge.builder("chat.queue.consumers", depths, all -> all.getOrDefault(queue, UNKNOWN).consumers())
                    .tag("queue", queue).description("Consumers of the queue").register(meters);
        }
        timer.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void read() {
        for (String queue : queues) {
            try {
                AMQP.Queue.DeclareOk ok = rabbit.execute(channel -> channel.queueDeclarePassive(queue));
                depths.put(queue, new Depth(ok.getMessageCount(), ok.getConsumerCount()));
            } catch (RuntimeException e) {
                depths.put(queue, UNKNOWN); // no broker, or no such queue yet
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
