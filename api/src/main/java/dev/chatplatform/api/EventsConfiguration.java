package dev.chatplatform.api;

import dev.chatplatform.infra.observability.CommandTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import dev.chatplatform.adapters.rest.event.ChatEventDispatcher;
import dev.chatplatform.adapters.rest.event.ChatEventsHandler;
import dev.chatplatform.adapters.rest.event.ChatEventsHandshake;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase;
import dev.chatplatform.infra.wire.EventCodec;
import dev.chatplatform.infra.wire.EventTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API's side of real-time events: a queue of this instance's own on the event exchange (exclusive,
 * auto-delete: it goes away with the instance), one consumer (so the queue's order is kept) handing the
 * events to the dispatcher, and the WebSocket endpoint. See docs/decisions/0009-real-time-events.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class EventsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EventsConfiguration.class);

    @Bean
    ChatEventDispatcher chatEventDispatcher(@Value("${chat.events.reorder-window:PT0S}") Duration reorderWindow) {
        return new ChatEventDispatcher(reorderWindow);
    }

    @Bean
    ChatEventsHandler chatEventsHandler(ChatEventDispatcher dispatcher,
                                        @Value("${chat.events.buffer-frames:2000}") int bufferFrames,
                                        @Value("${chat.events.send-time-limit:PT10S}") Duration sendTimeLimit,
                                        MeterRegistry meters) {
        return new ChatEventsHandler(dispatcher, bufferFrames, sendTimeLimit, meters);
    }

    @Bean
    WebSocketConfigurer chatEventsEndpoint(ChatEventsHandler handler, SubscribeToChatUseCase subscribe) {
        return (WebSocketHandlerRegistry registry) -> registry.addHandler(handler, ChatEventsHandler.PATH)
                .addInterceptors(new ChatEventsHandshake(subscribe, handler))
                // A token, not a cookie, authorises the stream: any page may open it, as any client may call the API.
                .setAllowedOriginPatterns("*");
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService chatEventTimers(ChatEventDispatcher dispatcher, ChatEventsHandler handler,
                                             @Value("${chat.events.heartbeat:PT20S}") Duration heartbeat) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("chat-events-timer").daemon().factory());
        if (dispatcher.holdsEvents()) {
            timers.scheduleWithFixedDelay(guarded(dispatcher::releaseOverdue), 25, 25, TimeUnit.MILLISECONDS);
        }
        timers.scheduleWithFixedDelay(guarded(handler::heartbeat), heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        return timers;
    }

    @Bean
    Queue instanceEventQueue() {
        return new AnonymousQueue(new org.springframework.amqp.core.Base64UrlNamingStrategy(EventTopology.INSTANCE_QUEUE_PREFIX));
    }

    @Bean
    Declarables instanceEventBinding(Queue instanceEventQueue) {
        return new Declarables(BindingBuilder.bind(instanceEventQueue)
                .to(new TopicExchange(EventTopology.EXCHANGE, true, false)).with(EventTopology.ALL_CHATS));
    }

    @Bean
    SimpleMessageListenerContainer instanceEventListener(ConnectionFactory connectionFactory, Queue instanceEventQueue,
                                                         EventCodec codec, ChatEventDispatcher dispatcher,
                                                         CommandTracing tracing) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueues(instanceEventQueue);
        // One consumer keeps the queue's order; events are transient, so no acks to wait for.
        container.setConcurrentConsumers(1);
        container.setAcknowledgeMode(AcknowledgeMode.NONE);
        container.setPrefetchCount(500);
        container.setMissingQueuesFatal(false);
        container.setMessageListener(message -> {
            // Every instance receives every chat's events; most have no subscriber here: skip their decoding.
            boolean unwatched = EventTopology.chatOf(message.getMessageProperties().getReceivedRoutingKey())
                    .map(chat -> !dispatcher.hasSubscribers(chat.app(), chat.number()))
                    .orElse(false);
            if (unwatched) {
                return;
            }
            // The fan-out joins the trace of the worker's batch that published these events, if it was traced.
            Object trace = message.getMessageProperties().getHeader(CommandTracing.TRACEPARENT_HEADER);
            Span span = trace instanceof String traceparent
                    ? tracing.startFor("chat.events.fanout", List.of(traceparent)) : null;
            try (Tracer.SpanInScope scope = tracing.inScope(span)) {
                dispatcher.dispatch(codec.decode(message.getBody()).events());
            } catch (RuntimeException e) {
                LOG.warn("dropped an unreadable event message: {}", e.toString());
            } finally {
                if (span != null) {
                    span.end();
                }
            }
        });
        return container;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("event timer task failed", e);
            }
        };
    }
}
