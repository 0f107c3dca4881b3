package dev.chatplatform.infra.observability;

import dev.chatplatform.domain.app.AppId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BusiestAppsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BusiestApps busiest = new BusiestApps(meters, Duration.ofHours(1));

    @Test
    void theLastWindowsBusiestApplicationsAreGaugedByIdAndOnlyTheTopOnes() {
        for (int app = 1; app <= BusiestApps.TOP + 5; app++) {
            for (int request = 0; request < app; request++) {
                busiest.count(new AppId(app));
            }
        }
        busiest.roll();
        System.gc();

        assertThat(meters.find("chat.tenant.top.requests").gauges()).hasSize(BusiestApps.TOP);
        Gauge busiestOne = meters.get("chat.tenant.top.requests").tag("app", Integer.toString(BusiestApps.TOP + 5)).gauge();
        assertThat(busiestOne.value()).isEqualTo(BusiestApps.TOP + 5);
        assertThat(meters.find("chat.tenant.top.requests").tag("app", "1").gauge()).isNull();

        busiest.count(new AppId(1));
        busiest.roll(); // the next window: only application 1 was seen
        assertThat(meters.find("chat.tenant.top.requests").gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.getId().getTag("app")).isEqualTo("1"))
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1));
        busiest.destroy();
    }
}
