package dev.chatplatform.benchmarks;

import java.time.Duration;

/**
 * The lag probe alone, for bench.lag.seconds, while a load runs beside it in another process (a paced wrk:
 * scripts/benchmark.sh's paced lag step runs it as post-run.sh's BESIDE command). Writes
 * &lt;bench.lag.key&gt;.persisted, .searchable and .probe_post (key lag_paced unless set) to bench.results.
 */
public final class LagRun {

    private LagRun() {
    }

    public static void main(String[] args) throws Exception {
        LagProbe probe = new LagProbe(Settings.api(), Settings.token(), Settings.appId(),
                Settings.prop("bench.lag.key", "lag_paced"));
        probe.start(Settings.doubleProp("bench.lag.probe-rate", 20));
        Thread.sleep(Duration.ofSeconds(Settings.intProp("bench.lag.seconds", 30)));
        probe.close();
    }
}
