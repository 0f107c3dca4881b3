package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatTitle;

import java.util.List;

/** {@code participants} and {@code last_message} are filled once users and the inbox model land. */
record ChatResponse(long number, String title, List<String> participants, long messagesCount, String lastMessageAt,
                    Object lastMessage, String createdAt) {

    static ChatResponse from(Chat chat) {
        return new ChatResponse(chat.number().value(), chat.optionalTitle().map(ChatTitle::value).orElse(null),
                List.of(), chat.messagesCount(), Json.timestamp(chat.lastMessageAt()), null,
                Json.timestamp(chat.createdAt()));
    }
}
