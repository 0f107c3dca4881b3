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

    void publish(Message message);

    void publish(User user);

    void publish(ReactionAdded reaction);

    void publish(Receipt receipt);
}
