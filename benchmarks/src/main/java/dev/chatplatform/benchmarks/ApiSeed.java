package dev.chatplatform.benchmarks;

import dev.chatplatform.adapters.persistence.app.JpaAppStore;
import dev.chatplatform.domain.app.AppToken;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small data set made through the public API, for the smoke benchmark (CI) and for development: an
 * application, contacts with names and phones, a chat per contact with an agent, a few group chats and
 * messages spread heavy-tailed over the chats (chat 1 the biggest). Writes the same two files as the
 * data set command: .run/dataset.env and .run/dataset-queries.tsv (bench.dataset, bench.queries).
 * For the 5M data set use scripts/dataset.sh, which loads in bulk.
 */
public final class ApiSeed {

    static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret",
            "Linus", "Ken", "Dennis", "Frances", "John", "Radia", "Tim", "Sophie", "Hedy", "Katherine", "Niklaus");
    static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Hamilton", "Torvalds", "Thompson", "Ritchie", "Allen", "McCarthy", "Perlman", "Berners", "Wilson",
            "Lamarr", "Johnson", "Wirth");
    static final List<String> WORDS = List.of("parcel", "delivery", "invoice", "refund", "order", "tracking",
            "address", "payment", "warehouse", "courier", "receipt", "discount", "voucher", "shipment", "return",
            "exchange", "broken", "missing", "damaged", "urgent", "tomorrow", "weekend", "morning", "evening",
            "thanks", "please", "question", "problem", "account", "password", "subscription", "upgrade", "cancel",
            "warranty", "battery", "charger", "screen", "keyboard", "printer", "router", "signal", "network");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;

    ApiSeed(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        String api = Settings.prop("bench.api", Settings.env("CHAT_BENCH_API", "http://localhost:8080")).replaceAll("/+$", "");
        int contacts = Settings.intProp("bench.seed.contacts", 200);
        int groups = Settings.intProp("bench.seed.groups", 10);
        int messages = Settings.intProp("bench.seed.messages", 3000);
        new ApiSeed(api).seed(contacts, groups, messages);
    }

    void seed(int contacts, int groups, int messages) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(42);
        String token = JSON.readTree(send("POST", "/api/v1/applications", "{\"name\":\"benchmark data set\"}", 201))
                .path("token").asString();
        String base = "/api/v1/applications/" + token;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<Future<?>> pending = new ArrayList<>();
        send("PUT", base + "/users/agent", "{\"name\":\"Support Agent\"}", 201);
        for (int i = 0; i < contacts; i++) {
            String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size())) + " " + i;
            String phone = "+4479" + String.format("%08d", 10_000_000 + i * 7919 % 89_999_999);
            names.add(name);
            phones.add(phone);
            String user = "c" + i;
            pending.add(pool.submit(() -> send("PUT", base + "/users/" + user,
                    "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}", 201)));
        }
        await(pending);
        // Chats are created one by one so that chat i+1 is contact i's (numbers follow creation).
        for (int i = 0; i < contacts; i++) {
            send("POST", base + "/chats", "{\"title\":\"" + names.get(i) + "\",\"participants\":[\"c" + i + "\",\"agent\"]}", 201);
        }
        for (int g = 0; g < groups; g++) {
            List<String> members = new ArrayList<>(List.of("\"agent\""));
            for (int k = 0; k < Math.min(5, contacts); k++) {
                members.add("\"c" + (g * 5 + k) % contacts + "\"");
            }
            send("POST", base + "/chats", "{\"title\":\"Group " + g + "\",\"participants\":[" + String.join(",", members) + "]}", 201);
        }
        int chats = contacts + groups;
        // Heavy-tailed: a Zipf-like draw over the chats, so chat 1 holds the most messages.
        double[] weights = new double[chats];
        double sum = 0;
        for (int c = 0; c < chats; c++) {
            weights[c] = 1.0 / Math.pow(c + 1, 1.1);
            sum += weights[c];
        }
        long[] perChat = new long[chats];
        pending.clear();
        for (int m = 0; m < messages; m++) {
            double draw = random.nextDouble() * sum;
            int chat = 0;
            while (chat < chats - 1 && (draw -= weights[chat]) > 0) {
                chat++;
            }
            perChat[chat]++;
            StringBuilder body = new StringBuilder();
            int n = 3 + random.nextInt(12);
            for (int w = 0; w < n; w++) {
                body.append(w == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            String sender = chat < contacts ? (random.nextBoolean() ? "c" + chat : "agent") : "agent";
            int number = chat + 1;
            pending.add(pool.submit(() -> send("POST", base + "/chats/" + number + "/messages",
                    "{\"body\":\"" + body + "\",\"sender\":\"" + sender + "\"}", 201)));
        }
        await(pending);
        pool.shutdown();
        int biggest = 0;
        for (int c = 1; c < chats; c++) {
            if (perChat[c] > perChat[biggest]) {
                biggest = c;
            }
        }
        Path env = Path.of(Settings.prop("bench.dataset", ".run/dataset.env"));
        if (env.getParent() != null) {
            Files.createDirectories(env.getParent());
        }
        Files.writeString(env, String.join("\n",
                "CHAT_DATASET_TOKEN=" + token,
                "CHAT_DATASET_APP_ID=" + appId(token),
                "CHAT_DATASET_CONTACTS=" + contacts,
                "CHAT_DATASET_GROUP_CHATS=" + groups,
                "CHAT_DATASET_CHATS=" + chats,
                "CHAT_DATASET_MESSAGES=" + messages,
                "CHAT_DATASET_BIGGEST_CHAT=" + (biggest + 1),
                "CHAT_DATASET_BIGGEST_CHAT_MESSAGES=" + perChat[biggest],
                "CHAT_DATASET_API=" + api) + "\n");
        StringBuilder queries = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String name = names.get(i % contacts);
            queries.append("name\t").append(i % 2 == 0 ? name : name.substring(name.indexOf(' ') + 1)).append('\n');
            String phone = phones.get(i % contacts);
            queries.append("phone\t").append(i % 2 == 0 ? phone : phone.substring(phone.length() - 7)).append('\n');
            queries.append("content\t").append(WORDS.get(i % WORDS.size())).append('\n');
            queries.append("chat_word\t").append(WORDS.get((i * 7) % WORDS.size())).append('\n');
        }
        Files.writeString(Path.of(Settings.prop("bench.queries", ".run/dataset-queries.tsv")), queries);
        System.out.printf("[seed] %d contacts, %d chats, %d messages through %s in %.1f s; biggest chat %d (%d messages)%n",
                contacts, chats, messages, api, (System.nanoTime() - started) / 1e9, biggest + 1, perChat[biggest]);
    }

    /**
     * The application's internal id, which the direct SQL and queue probes need: from its token's hash, as
     * the persistence adapter computes it.
     */
    private static long appId(String token) throws Exception {
        byte[] hash = JpaAppStore.hash(new AppToken(token));
        try (var db = Settings.mysql(); var statement = db.prepareStatement("SELECT id FROM apps WHERE token_hash = ?")) {
            statement.setBytes(1, hash);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the new application is not in MySQL");
                }
                return rows.getLong(1);
            }
        }
    }

    private static void await(List<Future<?>> pending) throws Exception {
        for (Future<?> future : pending) {
            future.get();
        }
    }

    private String send(String method, String path, String body, int expected) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == expected || status == 200 && "PUT".equals(method)) {
                return response.body();
            }
            if ((status == 429 || status == 503) && attempt < 20) {
                Thread.sleep(200);
                continue;
            }
            throw new IllegalStateException(method + " " + path.replaceAll("applications/[^/]+", "applications/…")
                    + " answered " + status + ": " + response.body());
        }
    }
}
