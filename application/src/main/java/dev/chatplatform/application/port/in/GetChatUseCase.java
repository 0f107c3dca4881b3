package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

public interface GetChatUseCase {

    Chat get(AppToken token, ChatNumber number);
}
