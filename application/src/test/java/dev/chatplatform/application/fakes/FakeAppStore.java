package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class FakeAppStore implements AppStore {

    private final Map<AppToken, App> apps = new HashMap<>();
    private long lastId;
    private int lookups;

    @Override
    public synchronized App create(AppToken token, AppName name, Instant now) {
        App app = new App(new AppId(++lastId), token, name, 0, now, now);
        apps.put(token, app);
        return app;
    }

    @Override
    public synchronized Optional<App> findByToken(AppToken token) {
        lookups++;
        return Optional.ofNullable(apps.get(token));
    }

    @Override
    public synchronized Optional<App> rename(AppToken token, AppName name, Instant now) {
        return Optional.ofNullable(apps.computeIfPresent(token,
                (t, app) -> new App(app.id(), t, name, app.chatsCount(), app.createdAt(), now)));
    }

    @Override
    public synchronized Optional<App> replaceToken(AppToken current, AppToken next, Instant now) {
        App app = apps.remove(current);
        if (app == null) {
            return Optional.empty();
        }
        App replaced = new App(app.id(), next, app.name(), app.chatsCount(), app.createdAt(), now);
        apps.put(next, replaced);
        return Optional.of(replaced);
    }

    public synchronized int lookups() {
        return lookups;
    }
}
