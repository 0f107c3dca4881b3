package dev.chatplatform.infra.cache;

import dev.chatplatform.application.fakes.FakeAppStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CachingAppTokenResolverTest {

    private final FakeAppStore apps = new FakeAppStore();
    private final List<AppId> seen = new ArrayList<>();
    private final CachingAppTokenResolver resolver =
            new CachingAppTokenResolver(apps, seen::add, Duration.ofMillis(100), Runnable::run);

    @Test
    void aWarmTokenCostsNoLookupAndEveryResolutionIsCounted() {
        App app = apps.create(AppToken.generate(), new AppName("Acme"), Instant.EPOCH);

        for (int i = 0; i < 5; i++) {
            assertThat(resolver.resolve(app.token())).contains(app.id());
        }

        assertThat(apps.lookups()).isEqualTo(1);
        assertThat(seen).hasSize(5).containsOnly(app.id());
    }

    @Test
    void anUnknownTokenIsRememberedBriefly() {
        AppToken nobody = AppToken.generate();

        assertThat(resolver.resolve(nobody)).isEmpty();
        assertThat(resolver.resolve(nobody)).isEmpty();

        assertThat(apps.lookups()).isEqualTo(1);
        assertThat(seen).isEmpty();
    }

    @Test
    void aReplacedTokenStopsResolvingWithinTwiceTheRefreshEvenWhileInUse() {
        App app = apps.create(AppToken.generate(), new AppName("Acme"), Instant.EPOCH);
        assertThat(resolver.resolve(app.token())).contains(app.id());
        AppToken next = AppToken.generate();
        apps.replaceToken(app.token(), next, Instant.EPOCH);
        long replaced = System.nanoTime();

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> resolver.resolve(app.token()).isEmpty());

        assertThat(Duration.ofNanos(System.nanoTime() - replaced)).isLessThan(Duration.ofMillis(1000));
        assertThat(resolver.resolve(next)).contains(app.id());
    }
}
