package dev.chatplatform.adapters.persistence;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import org.springframework.stereotype.Component;

/** Column values to domain values, for the MapStruct mappers next to each entity. */
@Component
public class DomainValues {

    public AppId appId(long value) {
        return new AppId(value);
    }

    public UserId userId(String value) {
        return new UserId(value);
    }

    public UserName userName(String value) {
        return new UserName(value);
    }

    public Phone phone(String value) {
        return value == null ? null : new Phone(value);
    }
}
