package dev.chatplatform.application.fakes;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.port.out.ChatEventPublisher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what was published, in order; can be down like the broker. */
public final class FakeChatEventPublisher implements ChatEventPublisher {

    private final List<ChatEvent> published = new CopyOnWriteArrayList<>();
    private final Outage outage = new Outage("rabbitmq");

    @Override
    public void publish(List<ChatEvent> events) {
        outage.check();
        published.addAll(events);
    }

    public List<ChatEvent> published() {
        return List.copyOf(published);
    }

    public Outage outage() {
        return outage;
    }
}
