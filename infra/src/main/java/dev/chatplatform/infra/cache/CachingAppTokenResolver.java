package dev.chatplatform.infra.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A token's application never changes and applications are never deleted, so a resolved token can be
 * kept for as long as memory allows: after warm-up a request costs no database hit. Unknown tokens are
 * remembered briefly so a flood of bad tokens cannot flood the database.
 */
public class CachingAppTokenResolver implements AppTokenResolver {

    private final AppStore apps;
    private final Consumer<AppId> resolved;
    private final Cache<AppToken, AppId> known = Caffeine.newBuilder().maximumSize(200_000).build();
    private final Cache<AppToken, Boolean> unknown = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    public CachingAppTokenResolver(AppStore apps) {
        this(apps, app -> { });
    }

    /** {@code resolved}: told of every request's application (e.g. to find the busiest, {@code BusiestApps}). */
    public CachingAppTokenResolver(AppStore apps, Consumer<AppId> resolved) {
        this.apps = apps;
        this.resolved = resolved;
    }

    @Override
    public Optional<AppId> resolve(AppToken token) {
        AppId cached = known.getIfPresent(token);
        if (cached != null) {
            resolved.accept(cached);
            return Optional.of(cached);
        }
        if (unknown.getIfPresent(token) != null) {
            return Optional.empty();
        }
        Optional<AppId> found = apps.findByToken(token).map(App::id);
        found.ifPresentOrElse(id -> {
            known.put(token, id);
            resolved.accept(id);
        }, () -> unknown.put(token, Boolean.TRUE));
        return found;
    }
}
