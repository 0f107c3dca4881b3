package dev.chatplatform.application.port.out;

import dev.chatplatform.application.ChatEvent;

import java.util.List;

/** Tells every API instance what a persisted batch changed, in the given order. */
public interface ChatEventPublisher {

    /**
     * Hands the events to the fan-out; throws {@link dev.chatplatform.application.DependencyUnavailableException}
     * when it cannot, so the batch is retried (and its events published again).
     */
    void publish(List<ChatEvent> events);
}
