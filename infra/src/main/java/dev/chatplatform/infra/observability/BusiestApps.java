package dev.chatplatform.infra.observability;

import dev.chatplatform.domain.app.AppId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which tenant is hot: {@code chat.tenant.top.requests{app}}, the requests of the {@value #TOP} busiest
 * applications in the last full window ({@code chat.observability.busiest-apps-window}, a minute), by application id (a number, never a token). Only the top ones get
 * a series, so the meter stays bounded whatever the number of tenants; an application that leaves the top
 * loses its series at the next minute.
 */
public final class BusiestApps implements DisposableBean {

    static final int TOP = 10;

    private volatile Map<Long, LongAdder> thisMinute = new ConcurrentHashMap<>();
    private final MultiGauge top;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-busiest-apps").daemon().factory());

    public BusiestApps(MeterRegistry meters, Duration window) {
        this.top = MultiGauge.builder("chat.tenant.top.requests")
                .description("Requests in the last full window of the " + TOP + " busiest applications")
                .register(meters);
        timer.scheduleAtFixedRate(this::roll, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One request of this application. */
    public void count(AppId app) {
        thisMinute.computeIfAbsent(app.value(), id -> new LongAdder()).increment();
    }

    /** Publishes the minute that ended and starts the next. */
    void roll() {
        Map<Long, LongAdder> ended = thisMinute;
        thisMinute = new ConcurrentHashMap<>();
        top.register(ended.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().sum()))
                .sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(entry -> MultiGauge.Row.of(Tags.of("app", Long.toString(entry.getKey())), entry.getValue()))
                .toList(), true);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
