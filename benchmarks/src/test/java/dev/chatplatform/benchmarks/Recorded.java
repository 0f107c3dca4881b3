package dev.chatplatform.benchmarks;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A request whose response time (Gatling's own measure, in ms) and outcome are kept under a result key,
 * so the report reads the same figures Gatling prints without parsing its HTML report.
 */
final class Recorded {

    private static final Map<String, Latencies> LATENCIES = new ConcurrentHashMap<>();
    /** Failed requests answered 503: the API shedding load (or a dependency down), told apart from the rest. */
    private static final Map<String, AtomicLong> UNAVAILABLE = new ConcurrentHashMap<>();

    private Recorded() {
    }

    static ChainBuilder request(String key, HttpRequestActionBuilder request, int expectedStatus) {
        LATENCIES.putIfAbsent(key, new Latencies());
        UNAVAILABLE.putIfAbsent(key, new AtomicLong());
        return exec(request.check(io.gatling.javaapi.core.CoreDsl.responseTimeInMillis().saveAs("rt"),
                        status().saveAs("status"), status().is(expectedStatus)))
                .exec(session -> {
                    Latencies latencies = LATENCIES.get(key);
                    if (session.isFailed() || !session.contains("rt")) {
                        latencies.error();
                        if (session.contains("status") && session.getInt("status") == 503) {
                            UNAVAILABLE.get(key).incrementAndGet();
                        }
                    } else {
                        latencies.add(session.getLong("rt") * 1_000_000L);
                    }
                    return session;
                });
    }

    /** Writes every recorded key's figures (the report divides the answers by the step's duration). */
    static void writeResults() {
        LATENCIES.forEach((key, latencies) -> Results.put("http." + key, latencies.summary()));
        UNAVAILABLE.forEach((key, count) -> Results.put("http." + key + ".unavailable", count.get()));
    }
}
