package dev.chatplatform.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierWatchdogTest {

    @TempDir
    Path dumps;

    private final AtomicLong now = new AtomicLong();
    private final List<Runnable> probes = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private CarrierWatchdog watchdog() {
        return new CarrierWatchdog(probes::add, now::get, Duration.ofSeconds(5), dumps, meters,
                Executors.newSingleThreadScheduledExecutor());
    }

    @Test
    void probesThatRunKeepItQuiet() throws IOException {
        try (CarrierWatchdog watchdog = watchdog()) {
            for (int second = 1; second <= 20; second++) {
                now.set(Duration.ofSeconds(second).toNanos());
                watchdog.tick();
                probes.removeFirst().run();
            }
        }
        assertThat(stalls()).isZero();
        assertThat(dumpFiles()).isEmpty();
    }

    @Test
    void aStallIsReportedOnceWithADumpOfEveryThreadAndAgainAfterRecovery() throws IOException {
        try (CarrierWatchdog watchdog = watchdog()) {
            for (int second = 1; second <= 12; second++) { // no probe ever runs: the carriers are held
                now.set(Duration.ofSeconds(second).toNanos());
                watchdog.tick();
            }
            assertThat(stalls()).isEqualTo(1);
            List<Path> files = dumpFiles();
            assertThat(files).hasSize(1);
            assertThat(Files.readString(files.getFirst())).contains("CarrierWatchdogTest.aStallIsReported");

            probes.forEach(Runnable::run); // the carriers are free again
            probes.clear();
            for (int second = 13; second <= 20; second++) {
                now.set(Duration.ofSeconds(second).toNanos());
                watchdog.tick();
            }
            assertThat(stalls()).isEqualTo(2);
        }
    }

    private double stalls() {
        return meters.get("chat.api.scheduler.stalls").counter().count();
    }

    private List<Path> dumpFiles() throws IOException {
        try (Stream<Path> files = Files.list(dumps)) {
            return files.toList();
        }
    }
}
