package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.domain.message.Message;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what was enqueued, in order; can be down like the broker. */
public final class FakeIndexQueue implements IndexQueue {

    private final List<Message> enqueued = new CopyOnWriteArrayList<>();
    private final Outage outage = new Outage("rabbitmq");

    @Override
    public void enqueue(List<Message> messages) {
        outage.check();
        enqueued.addAll(messages);
    }

    public List<Message> enqueued() {
        return List.copyOf(enqueued);
    }

    /** Takes what is waiting, as the index listener would. */
    public List<Message> take() {
        List<Message> taken = List.copyOf(enqueued);
        enqueued.removeAll(taken);
        return taken;
    }

    public Outage outage() {
        return outage;
    }
}
