package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;

import java.util.Objects;

public interface RenameAppUseCase {

    App rename(Command command);

    record Command(AppToken token, AppName name) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(name, "name");
        }
    }
}
