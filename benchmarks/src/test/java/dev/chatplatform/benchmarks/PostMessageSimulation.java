package dev.chatplatform.benchmarks;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Step 1: POST a message at each rate of bench.post.rates (default 500,1000,2000,4000) for
 * bench.post.seconds each, one after the other: an open model, each arrival one request to a random
 * chat of the data set. The request is named "post N/s" so the report reads each rate apart.
 */
public class PostMessageSimulation extends Simulation {

    private final String token = Settings.token();
    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.api())
            .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();

    {
        List<Integer> rates = Arrays.stream(Settings.prop("bench.post.rates", "500,1000,2000,4000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        Duration each = Duration.ofSeconds(Settings.intProp("bench.post.seconds", 30));
        PopulationBuilder chain = null;
        for (int i = rates.size() - 1; i >= 0; i--) {
            PopulationBuilder step = post(rates.get(i), each);
            chain = chain == null ? step : step.andThen(chain);
        }
        // Warm-up, not reported: connections, the JIT of the API and of this JVM, and the broker's first confirms;
        // a step that began cold would report them in its p99. It ramps up to the first rates' level (at most
        // 500/s): Gatling itself spent half its CPU compiling in a 1,000/s step after a warm-up of 50/s
        // (async-profiler, docs/performance.md), on the cores the stack needs.
        int warmUpSeconds = Settings.intProp("bench.post.warmup-seconds", 10);
        if (warmUpSeconds > 0) {
            int top = Math.min(500, rates.stream().mapToInt(Integer::intValue).max().orElseThrow());
            chain = scenario("post warm-up").feed(Feeds.messages())
                    .exec(Recorded.request("post_warmup", http("post warm-up")
                            .post("/api/v1/applications/" + token + "/chats/#{chat}/messages")
                            .body(StringBody("{\"body\":\"#{body}\"}")), 201))
                    .injectOpen(rampUsersPerSec(Math.min(10, top)).to(top).during(Duration.ofSeconds(warmUpSeconds)))
                    .andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    @Override
    public void after() {
        Recorded.writeResults();
    }

    private PopulationBuilder post(int rate, Duration duration) {
        return scenario("post " + rate + "/s")
                .feed(Feeds.messages())
                .exec(Recorded.request("post_" + rate, http("post " + rate + "/s")
                        .post("/api/v1/applications/" + token + "/chats/#{chat}/messages")
                        .body(StringBody("{\"body\":\"#{body}\"}")), 201))
                .injectOpen(constantUsersPerSec(rate).during(duration));
    }
}
