package dev.chatplatform.application.service;

import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;

/**
 * How every write is accepted, in one place: its command goes to the queue (the call returns once the
 * broker has confirmed it: from then on the write is durable), then its pending copy goes to Redis for
 * read-your-writes, best effort ({@link AfterDurable}). Never the other way round: a pending copy of a
 * write the queue refused would show the writer something that will never be persisted.
 */
final class AcceptedWrites {

    private final WriteQueue queue;
    private final PendingWrites pending;

    AcceptedWrites(WriteQueue queue, PendingWrites pending) {
        this.queue = queue;
        this.pending = pending;
    }

    Chat accept(Chat chat) {
        queue.publish(chat);
        keepPending(() -> pending.put(chat));
        return chat;
    }

    Message accept(Message message) {
        queue.publish(message);
        keepPending(message);
        return message;
    }

    User accept(User user) {
        queue.publish(user);
        keepPending(() -> pending.put(user));
        return user;
    }

    Receipt accept(Receipt receipt) {
        queue.publish(receipt);
        keepPending(() -> pending.put(receipt));
        return receipt;
    }

    /** A reaction is queued as its event (an increment applied once) and kept pending as its new state. */
    Reaction accept(ReactionAdded event, Reaction after) {
        queue.publish(event);
        keepPending(() -> pending.put(after));
        return after;
    }

    /** For a message whose command was already confirmed (the create path sends it under its chat's order). */
    void keepPending(Message confirmed) {
        keepPending(() -> pending.put(confirmed));
    }

    private static void keepPending(Runnable put) {
        AfterDurable.bestEffort("keep the pending copy", put);
    }
}
