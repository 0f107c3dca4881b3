package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.adapters.rest.message.MessageResponse;
import dev.chatplatform.application.ChatView;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.user.UserId;

import java.util.List;

record ChatResponse(long number, String title, List<String> participants, long messagesCount, String lastMessageAt,
                    MessageResponse lastMessage, String createdAt, String updatedAt) {

    static ChatResponse from(ChatView view) {
        Chat chat = view.chat();
        return new ChatResponse(chat.number().value(), chat.optionalTitle().map(ChatTitle::value).orElse(null),
                chat.participants().stream().map(UserId::value).toList(), chat.messagesCount(),
                Json.timestamp(chat.lastMessageAt()),
                view.lastMessage() == null ? null : MessageResponse.from(view.lastMessage()),
                Json.timestamp(chat.createdAt()), Json.timestamp(chat.updatedAt()));
    }
}
