package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface ChatMapper {

    Chat toDomain(ChatEntity entity);

    default AppId appId(long value) {
        return new AppId(value);
    }

    default ChatNumber chatNumber(long value) {
        return new ChatNumber(value);
    }

    default ChatTitle title(String value) {
        return value == null ? null : new ChatTitle(value);
    }
}
