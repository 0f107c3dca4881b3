package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;

import java.util.Objects;

public interface PutUserUseCase {

    /** Creates the user or replaces its name and phone; queued durably, readable at once. */
    Result put(Command command);

    /** {@code phone} is optional: a PUT without it leaves the user without a phone. */
    record Command(AppToken token, UserId id, UserName name, Phone phone) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code created}: the user did not exist before this call (201 rather than 200). */
    record Result(User user, boolean created) {
    }
}
