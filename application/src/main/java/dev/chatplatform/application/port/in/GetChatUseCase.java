package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.application.ChatView;
import dev.chatplatform.domain.chat.ChatNumber;

public interface GetChatUseCase {

    ChatView get(AppToken token, ChatNumber number);
}
