package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface MessageMapper {

    Message toDomain(MessageEntity entity);

    default AppId appId(long value) {
        return new AppId(value);
    }

    default ChatNumber chatNumber(long value) {
        return new ChatNumber(value);
    }

    default MessageNumber messageNumber(long value) {
        return new MessageNumber(value);
    }

    default MessageBody body(String value) {
        return new MessageBody(value);
    }
}
