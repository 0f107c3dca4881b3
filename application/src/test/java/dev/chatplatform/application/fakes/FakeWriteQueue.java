package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;

import java.util.ArrayList;
import java.util.List;

/** Records every confirmed command; during an {@link #outage()} a publish throws, as an unconfirmed one does. */
public final class FakeWriteQueue implements WriteQueue {

    private final List<Object> published = new ArrayList<>();
    private final Outage outage = new Outage("rabbitmq");

    @Override
    public synchronized void publish(Chat chat) {
        outage.check();
        published.add(chat);
    }

    @Override
    public synchronized void publish(Message message) {
        outage.check();
        published.add(message);
    }

    public synchronized List<Object> published() {
        return List.copyOf(published);
    }

    public synchronized List<Chat> publishedChats() {
        return published.stream().filter(Chat.class::isInstance).map(Chat.class::cast).toList();
    }

    public synchronized List<Message> publishedMessages() {
        return published.stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
    }

    /** What a worker would receive: every command so far, in order, once. */
    public synchronized List<Object> drain() {
        List<Object> drained = new ArrayList<>(published);
        published.clear();
        return drained;
    }

    public Outage outage() {
        return outage;
    }
}
