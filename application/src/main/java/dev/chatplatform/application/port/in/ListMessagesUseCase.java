package dev.chatplatform.application.port.in;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageRange;

public interface ListMessagesUseCase {

    /**
     * Newest first, including acknowledged messages the worker has not persisted yet. The cursor
     * carries the range it was issued for; a range given with a cursor narrows it further.
     */
    Page<MessageView> list(AppToken token, ChatNumber chat, MessageRange range, PageRequest page);
}
