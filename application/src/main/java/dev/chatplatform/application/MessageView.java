package dev.chatplatform.application;

import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.receipt.MessageStatus;

import java.util.Objects;

/** A message as a reader sees it: its state (reactions included) and its status for the chat's other users. */
public record MessageView(Message message, MessageStatus status) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
    }

    /** A message nobody has received yet, such as one just created. */
    public static MessageView sent(Message message) {
        return new MessageView(message, MessageStatus.SENT);
    }
}
