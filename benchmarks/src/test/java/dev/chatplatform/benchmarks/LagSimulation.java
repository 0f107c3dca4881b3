package dev.chatplatform.benchmarks;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Step 2: messages POSTed at bench.lag.rate (default 2,000/s) for bench.lag.seconds while a
 * {@link LagProbe} measures, on its own messages, the lag from the 201 to persisted and to searchable.
 */
public class LagSimulation extends Simulation {

    private final LagProbe probe = new LagProbe(Settings.api(), Settings.token(), Settings.appId(), "lag");

    {
        int rate = Settings.intProp("bench.lag.rate", 2000);
        HttpProtocolBuilder protocol = http.baseUrl(Settings.api())
                .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();
        setUp(scenario("lag load")
                .feed(Feeds.messages())
                .exec(Recorded.request("lag_load", http("post at lag rate")
                        .post("/api/v1/applications/" + Settings.token() + "/chats/#{chat}/messages")
                        .body(StringBody("{\"body\":\"#{body}\"}")), 201))
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(Settings.intProp("bench.lag.seconds", 30)))))
                .protocols(protocol);
    }

    @Override
    public void before() {
        try {
            probe.start(Settings.doubleProp("bench.lag.probe-rate", 20));
        } catch (Exception e) {
            // Printed where benchmark.sh shows it: the report then lists the lag rows as missing.
            System.err.println("[lag] the probe did not start: " + e);
            throw new IllegalStateException("the lag probe did not start", e);
        }
    }

    @Override
    public void after() {
        try {
            Recorded.writeResults();
        } finally {
            try {
                probe.close();
            } catch (Exception e) {
                System.err.println("[lag] the probe did not finish: " + e);
                throw new IllegalStateException("the lag probe did not finish", e);
            }
        }
    }
}
