package dev.chatplatform.benchmarks;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Steps 4 and 5: the inbox (first page; the page bench.inbox.depth pages down, by cursor; q by name, by
 * phone, by message content) and the per-chat search in the biggest chat, each at bench.read.rate for
 * bench.read.seconds, one after the other. The deep cursor is found first by walking next_cursor.
 */
public class ReadSimulation extends Simulation {

    private final String base = "/api/v1/applications/" + Settings.token();
    private final int limit = Settings.intProp("bench.inbox.limit", 50);

    {
        int rate = Settings.intProp("bench.read.rate", 100);
        Duration duration = Duration.ofSeconds(Settings.intProp("bench.read.seconds", 30));
        int depth = Settings.intProp("bench.inbox.depth", 1000);
        String deepCursor;
        try {
            deepCursor = Feeds.deepInboxCursor(Settings.api(), Settings.token(), depth, limit);
        } catch (Exception e) {
            throw new IllegalStateException("could not walk the inbox " + depth + " pages down", e);
        }
        HttpProtocolBuilder protocol = http.baseUrl(Settings.api()).acceptHeader("application/json").shareConnections();
        List<ScenarioBuilder> steps = new ArrayList<>();
        steps.add(step("inbox_first", http("inbox first page").get(base + "/chats").queryParam("limit", limit)));
        if (deepCursor != null) {
            steps.add(step("inbox_deep", http("inbox " + depth + " pages deep").get(base + "/chats")
                    .queryParam("limit", limit).queryParam("cursor", deepCursor)));
        } else {
            System.err.println("[bench] the inbox has fewer than " + depth + " pages: no deep page");
        }
        for (String kind : List.of("name", "phone", "content")) {
            steps.add(scenario("inbox q by " + kind).feed(Feeds.queries(kind))
                    .exec(Recorded.request("inbox_q_" + kind, http("inbox q by " + kind).get(base + "/chats")
                            .queryParam("limit", limit).queryParam("q", "#{q}"), 200)));
        }
        steps.add(scenario("search in the biggest chat").feed(Feeds.queries("chat_word"))
                .exec(Recorded.request("search", http("search in the biggest chat")
                        .get(base + "/chats/" + Settings.biggestChat() + "/messages/search").queryParam("q", "#{q}"), 200)));
        PopulationBuilder chain = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            PopulationBuilder population = steps.get(i).injectOpen(constantUsersPerSec(rate).during(duration));
            chain = chain == null ? population : population.andThen(chain);
        }
        // Warm-up, not reported: the first seconds of a JVM compile the read paths, and a fixed-rate step
        // that began cold would report the compiler in its p99.
        ScenarioBuilder warmUp = scenario("warm-up").feed(Feeds.queries("name"))
                .exec(Recorded.request("warmup", http("warm-up inbox").get(base + "/chats").queryParam("limit", limit), 200))
                .exec(Recorded.request("warmup", http("warm-up q").get(base + "/chats")
                        .queryParam("limit", limit).queryParam("q", "#{q}"), 200))
                .exec(Recorded.request("warmup", http("warm-up search")
                        .get(base + "/chats/" + Settings.biggestChat() + "/messages/search").queryParam("q", "#{q}"), 200));
        chain = warmUp.injectOpen(constantUsersPerSec(Math.max(1, rate / 4)).during(Duration.ofSeconds(
                Settings.intProp("bench.read.warmup-seconds", 10)))).andThen(chain);
        setUp(chain).protocols(protocol);
    }

    private static ScenarioBuilder step(String key, HttpRequestActionBuilder request) {
        return scenario(key).exec(Recorded.request(key, request, 200));
    }

    @Override
    public void after() {
        Recorded.writeResults();
    }
}
