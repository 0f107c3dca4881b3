package dev.chatplatform.application;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.receipt.Receipt;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something a chat's subscribers are told once the worker has persisted it. Events are at-least-once:
 * a redelivered batch tells them again, so a client dedupes by (type, message number, version).
 */
public sealed interface ChatEvent {

    /** Within one chat: by message number, then by kind (a message before its reactions). */
    Comparator<ChatEvent> ORDER = Comparator.comparingLong((ChatEvent e) -> e.appId().value())
            .thenComparingLong(e -> e.chat().value())
            .thenComparingLong(ChatEvent::position)
            .thenComparingInt(e -> e.kind().ordinal());

    AppId appId();

    ChatNumber chat();

    Kind kind();

    /** The message number the event is about; for a receipt, the furthest cursor it moves to. */
    long position();

    enum Kind {
        MESSAGE_CREATED("message.created"), MESSAGE_UPDATED("message.updated"), REACTION_ADDED("reaction.added"),
        RECEIPT_UPDATED("receipt.updated");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A message's first state ({@code message.created}) or a later one ({@code message.updated}). */
    record MessageChanged(Message message) implements ChatEvent {
        public MessageChanged {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public AppId appId() {
            return message.appId();
        }

        @Override
        public ChatNumber chat() {
            return message.chatNumber();
        }

        @Override
        public Kind kind() {
            return message.createdAt().equals(message.updatedAt()) ? Kind.MESSAGE_CREATED : Kind.MESSAGE_UPDATED;
        }

        @Override
        public long position() {
            return message.number().value();
        }
    }

    /** A reaction's state after the events applied ({@code reaction.added}). */
    record ReactionChanged(Reaction reaction) implements ChatEvent {
        public ReactionChanged {
            Objects.requireNonNull(reaction, "reaction");
        }

        @Override
        public AppId appId() {
            return reaction.appId();
        }

        @Override
        public ChatNumber chat() {
            return reaction.chat();
        }

        @Override
        public Kind kind() {
            return Kind.REACTION_ADDED;
        }

        @Override
        public long position() {
            return reaction.message().value();
        }
    }

    /** A user's receipt cursors as saved ({@code receipt.updated}). */
    record ReceiptChanged(Receipt receipt) implements ChatEvent {
        public ReceiptChanged {
            Objects.requireNonNull(receipt, "receipt");
        }

        @Override
        public AppId appId() {
            return receipt.appId();
        }

        @Override
        public ChatNumber chat() {
            return receipt.chat();
        }

        @Override
        public Kind kind() {
            return Kind.RECEIPT_UPDATED;
        }

        @Override
        public long position() {
            return receipt.deliveredUpTo();
        }
    }
}
