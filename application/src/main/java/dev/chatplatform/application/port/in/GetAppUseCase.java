package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;

public interface GetAppUseCase {

    App get(AppToken token);
}
