package dev.chatplatform.api;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches the scheduler that carries the API's virtual threads from a platform thread of its own. Every request
 * of the API runs on a virtual thread; if every carrier is held by a virtual thread that cannot unmount (on JDK 25
 * a thread waiting for another thread's class initialisation still pins its carrier, and so does one blocked inside
 * a class initialiser) while the thread they wait for needs a carrier, nothing in the process runs again: no
 * request, no log line, not even the liveness probe. The worker hung that way at start (2026-11-29, with a thread
 * dump) and uses platform threads since; a CI smoke run of the API stopped answering the same way once
 * (2026-12-06), without a dump. Such a hang is invisible from inside a virtual thread, so this watchdog starts a
 * trivial virtual thread every second and, when none has run for {@code stall}, logs it, counts it in
 * {@code chat.api.scheduler.stalls} and writes a thread dump that includes the virtual threads (the JDK's text
 * format, as {@code jcmd <pid> Thread.dump_to_file} writes it) into {@code dumps}: the evidence a fix needs. The
 * liveness probe, which cannot answer in that state, is what gets the process restarted.
 */
public final class CarrierWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierWatchdog.class);

    private final Consumer<Runnable> startVirtual;
    private final LongSupplier nanoTime;
    private final long stallNanos;
    private final Path dumps;
    private final Counter stalls;
    private final ScheduledExecutorService ticker;
    private volatile long lastRun;
    private volatile boolean reported;

    public CarrierWatchdog(Duration stall, Path dumps, MeterRegistry meters) {
        this(task -> Thread.ofVirtual().name("carrier-watchdog-probe").start(task), System::nanoTime, stall, dumps,
                meters, Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("carrier-watchdog")
                        .factory()));
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    CarrierWatchdog(Consumer<Runnable> startVirtual, LongSupplier nanoTime, Duration stall, Path dumps,
                    MeterRegistry meters, ScheduledExecutorService ticker) {
        this.startVirtual = startVirtual;
        this.nanoTime = nanoTime;
        this.stallNanos = stall.toNanos();
        this.dumps = dumps.toAbsolutePath();
        this.ticker = ticker;
        this.stalls = Counter.builder("chat.api.scheduler.stalls")
                .description("Times no virtual thread of the API ran for the watchdog's stall time").register(meters);
        this.lastRun = nanoTime.getAsLong();
    }

    /** One check: has a probe run within the stall time? Then start the next one. */
    void tick() {
        long now = nanoTime.getAsLong();
        if (now - lastRun >= stallNanos && !reported) {
            reported = true;
            stalls.increment();
            report(Duration.ofNanos(now - lastRun));
        }
        startVirtual.accept(() -> {
            lastRun = nanoTime.getAsLong();
            reported = false;
        });
    }

    private void report(Duration stalled) {
        Path file = dumps.resolve("threads-" + ProcessHandle.current().pid() + "-" + Instant.now().toEpochMilli() + ".txt");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            LOG.error("no virtual thread has run for {} ms: every carrier is held; thread dump in {}",
                    stalled.toMillis(), file);
        } catch (IOException | RuntimeException e) {
            LOG.error("no virtual thread has run for {} ms: every carrier is held; the thread dump to {} failed",
                    stalled.toMillis(), file, e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
