package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.domain.chat.ChatTitle;

record ChatRequest(String title) {

    ChatTitle optionalTitle() {
        return title == null ? null : new ChatTitle(title);
    }
}
