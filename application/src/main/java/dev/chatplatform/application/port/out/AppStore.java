package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;

import java.time.Instant;
import java.util.Optional;

/** Applications are few and written synchronously: this store is the source of truth for them. */
public interface AppStore {

    App create(AppToken token, AppName name, Instant now);

    Optional<App> findByToken(AppToken token);

    Optional<App> rename(AppToken token, AppName name, Instant now);

    /**
     * Gives the application of {@code current} the token {@code next} instead: from then on {@code current}
     * finds nothing. Empty when {@code current} names no application.
     */
    Optional<App> replaceToken(AppToken current, AppToken next, Instant now);
}
