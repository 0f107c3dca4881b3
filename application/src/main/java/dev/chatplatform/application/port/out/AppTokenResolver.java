package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;

import java.util.Optional;

/** Turns a token into the application's internal id on every request, without a database hit when warm. */
public interface AppTokenResolver {

    Optional<AppId> resolve(AppToken token);
}
