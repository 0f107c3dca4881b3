package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;

import java.util.Optional;

/** Resolves against the app store on every call: the production cache only saves the lookups. */
public final class FakeAppTokenResolver implements AppTokenResolver {

    private final FakeAppStore apps;

    public FakeAppTokenResolver(FakeAppStore apps) {
        this.apps = apps;
    }

    @Override
    public Optional<AppId> resolve(AppToken token) {
        return apps.findByToken(token).map(App::id);
    }
}
