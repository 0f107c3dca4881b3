package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

public interface GetUserUseCase {

    User get(AppToken token, UserId id);
}
