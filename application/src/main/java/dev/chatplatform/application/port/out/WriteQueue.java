package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;

/**
 * The durable queue of write commands. A publish returns only once the broker has confirmed the
 * command is stored; it throws {@link dev.chatplatform.application.DependencyUnavailableException}
 * otherwise. Each command carries the full new state (a reaction: an event with a unique id), so the
 * worker may apply it any number of times.
 */
public interface WriteQueue {

    void publish(Chat chat);

    /** Sends a message's command and waits for the broker's confirm. */
    default void publish(Message message) {
        send(message).await();
    }

    /**
     * Hands a message's command to the broker and returns without waiting for its confirm. Commands
     * sent one after another reach the queue in about that order: sends on different channels of the
     * connection can overtake each other by a few places.
     * Only a confirmed command is durable.
     */
    Confirmation send(Message message);

    void publish(User user);

    void publish(ReactionAdded reaction);

    void publish(Receipt receipt);

    /** The broker's answer to one {@link #send}. */
    interface Confirmation {

        /** Returns once the broker confirmed the command; throws DependencyUnavailableException otherwise. */
        void await();
    }
}
