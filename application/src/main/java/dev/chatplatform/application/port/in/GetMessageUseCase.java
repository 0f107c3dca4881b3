package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

public interface GetMessageUseCase {

    Message get(AppToken token, ChatNumber chat, MessageNumber number);
}
