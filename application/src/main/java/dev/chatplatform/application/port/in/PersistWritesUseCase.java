package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;

import java.util.List;

/** The worker's side of the write path: stores a batch of queued commands; safe to repeat. */
public interface PersistWritesUseCase {

    void persist(Writes writes);

    /** One batch of queued commands, by kind. Order inside the batch does not matter: each is idempotent. */
    record Writes(List<User> users, List<Chat> chats, List<Message> messages, List<ReactionAdded> reactions,
                  List<Receipt> receipts) {
        public Writes {
            users = List.copyOf(users);
            chats = List.copyOf(chats);
            messages = List.copyOf(messages);
            reactions = List.copyOf(reactions);
            receipts = List.copyOf(receipts);
        }

        public static Writes of(List<Chat> chats, List<Message> messages) {
            return new Writes(List.of(), chats, messages, List.of(), List.of());
        }

        public boolean isEmpty() {
            return users.isEmpty() && chats.isEmpty() && messages.isEmpty() && reactions.isEmpty() && receipts.isEmpty();
        }
    }
}
