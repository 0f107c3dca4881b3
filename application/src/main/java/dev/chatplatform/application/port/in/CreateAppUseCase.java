package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;

import java.util.Objects;

public interface CreateAppUseCase {

    App create(Command command);

    record Command(AppName name) {
        public Command {
            Objects.requireNonNull(name, "name");
        }
    }
}
