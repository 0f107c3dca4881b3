package dev.chatplatform.application;

import dev.chatplatform.domain.chat.Chat;

import java.util.Objects;

/** A chat as a reader sees it: its state and its newest message, if it has one. */
public record ChatView(Chat chat, MessageView lastMessage) {
    public ChatView {
        Objects.requireNonNull(chat, "chat");
    }

    public static ChatView withoutMessages(Chat chat) {
        return new ChatView(chat, null);
    }
}
