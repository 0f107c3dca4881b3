package dev.chatplatform.application.port.in;

import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

public interface ListMessagesUseCase {

    /** Newest first, including acknowledged messages the worker has not persisted yet. */
    Page<Message> list(AppToken token, ChatNumber chat, PageRequest page);
}
