package dev.chatplatform.infra.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Resolves a token from memory: after warm-up a request costs no database hit. A token can be replaced
 * ({@code POST /applications/{token}/token}), so an entry is looked up again in the background once it is
 * {@code refresh} old (the request that notices it still gets the cached answer), and one not used for
 * {@code 2 x refresh} is dropped: an old token stops resolving on every API instance within about twice the
 * refresh after its replacement, with no message between instances. Unknown tokens are remembered briefly so
 * a flood of bad tokens cannot flood the database.
 */
public class CachingAppTokenResolver implements AppTokenResolver {

    /** How old an entry may get before it is looked up again: "the old token stops working within seconds". */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(3);

    private final AppStore apps;
    private final Consumer<AppId> resolved;
    private final LoadingCache<AppToken, AppId> known;
    private final Cache<AppToken, Boolean> unknown = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(5)).build();

    public CachingAppTokenResolver(AppStore apps) {
        this(apps, app -> { }, DEFAULT_REFRESH, Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * {@code resolved}: told of every request's application (e.g. to find the busiest, {@code BusiestApps});
     * {@code refresher}: where entries are looked up again in the background.
     */
    public CachingAppTokenResolver(AppStore apps, Consumer<AppId> resolved, Duration refresh, Executor refresher) {
        this.apps = apps;
        this.resolved = resolved;
        // A lookup that finds nothing (the token was replaced) removes the entry.
        this.known = Caffeine.newBuilder()
                .maximumSize(200_000)
                .refreshAfterWrite(refresh)
                .expireAfterWrite(refresh.multipliedBy(2))
                .executor(refresher)
                .build(token -> apps.findByToken(token).map(App::id).orElse(null));
    }

    @Override
    public Optional<AppId> resolve(AppToken token) {
        AppId cached = known.getIfPresent(token);
        if (cached == null) {
            if (unknown.getIfPresent(token) != null) {
                return Optional.empty();
            }
            cached = known.get(token);
            if (cached == null) {
                unknown.put(token, Boolean.TRUE);
                return Optional.empty();
            }
        }
        resolved.accept(cached);
        return Optional.of(cached);
    }
}
