package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;

import java.util.ArrayList;
import java.util.List;

/** Records every confirmed command; during an {@link #outage()} a publish throws, as an unconfirmed one does. */
public final class FakeWriteQueue implements WriteQueue {

    private final List<Object> published = new ArrayList<>();
    private final Outage outage = new Outage("rabbitmq");

    @Override
    public synchronized void publish(Chat chat) {
        record(chat);
    }

    @Override
    public synchronized Confirmation send(Message message) {
        record(message);
        return () -> { };
    }

    @Override
    public synchronized void publish(User user) {
        record(user);
    }

    @Override
    public synchronized void publish(ReactionAdded reaction) {
        record(reaction);
    }

    @Override
    public synchronized void publish(Receipt receipt) {
        record(receipt);
    }

    public synchronized List<Object> published() {
        return List.copyOf(published);
    }

    public synchronized List<Chat> publishedChats() {
        return published(Chat.class);
    }

    public synchronized List<Message> publishedMessages() {
        return published(Message.class);
    }

    public synchronized <T> List<T> published(Class<T> kind) {
        return published.stream().filter(kind::isInstance).map(kind::cast).toList();
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

    private void record(Object command) {
        outage.check();
        published.add(command);
    }
}
