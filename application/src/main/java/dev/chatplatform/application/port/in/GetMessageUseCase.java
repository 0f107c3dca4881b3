package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.message.MessageNumber;

public interface GetMessageUseCase {

    MessageView get(AppToken token, ChatNumber chat, MessageNumber number);
}
