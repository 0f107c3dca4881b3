package dev.chatplatform.adapters.persistence;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.springframework.stereotype.Component;

/** Column values to domain values, for the MapStruct mappers next to each entity. */
@Component
public class DomainValues {

    public AppId appId(long value) {
        return new AppId(value);
    }

    public ChatNumber chatNumber(long value) {
        return new ChatNumber(value);
    }

    public MessageNumber messageNumber(long value) {
        return new MessageNumber(value);
    }

    public ChatTitle title(String value) {
        return value == null ? null : new ChatTitle(value);
    }

    public MessageBody body(String value) {
        return new MessageBody(value);
    }
}
