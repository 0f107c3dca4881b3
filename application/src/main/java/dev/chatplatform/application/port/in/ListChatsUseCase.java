package dev.chatplatform.application.port.in;

import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;

public interface ListChatsUseCase {

    /** The inbox: most recent activity first. */
    Page<Chat> list(AppToken token, PageRequest page);
}
