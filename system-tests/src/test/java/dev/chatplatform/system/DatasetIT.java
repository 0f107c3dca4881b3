package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.chatplatform.system.ChatClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data set generator (scripts/dataset.sh) at a tiny size against the running platform: what it
 * bulk-loaded reads through the public API exactly as if it had been written through it, and the next
 * writes get the next numbers.
 */
@ExtendWith(PlatformExtension.class)
class DatasetIT {

    private static final int CONTACTS = 60;
    private static final int GROUP_CHATS = 5;
    private static final int MESSAGES = 3_000;

    @Test
    void aGeneratedDataSetReadsRightThroughTheApi(Platform platform) throws IOException {
        platform.ensureWorkerRunning();
        Path out = Files.createTempDirectory("dataset");
        try {
            generateAndRead(platform, out);
        } finally {
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(out);
        }
    }

    /**
     * {@code --content-csv} with a file in the Exabloom seed's shape (no header, one column, leading spaces,
     * quoted rows with commas and doubled quotes, unquoted rows with quotes inside): every message is made of
     * its rows, and the data set records where its bodies came from (the benchmark report names it).
     */
    @Test
    void aDataSetTakesItsBodiesFromAnExabloomShapedCsv(Platform platform) throws IOException {
        platform.ensureWorkerRunning();
        Path out = Files.createTempDirectory("dataset-csv");
        Path csv = out.resolve("message_content.csv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rows.append(switch (i % 3) {
                case 0 -> " Row " + i + " of the zebracorn file?\n";
                case 1 -> "\" Row " + i + ", zebracorn, with \"\"quotes\"\" and a comma. \"\n";
                default -> " Row " + i + " says \"zebracorn\" out loud \n";
            });
        }
        Files.writeString(csv, rows);
        try {
            int exit = platform.runDataset(out, Duration.ofMinutes(5), "--contacts", "20", "--group-chats", "2",
                    "--messages", "600", "--seed", "11", "--content-csv", csv.toString());
            assertThat(exit).as("the generator's exit code (0: every count verified)").isZero();
            Map<String, String> env = env(out.resolve("dataset.env"));
            assertThat(env.get("CHAT_DATASET_CORPUS")).isEqualTo("message_content.csv");
            String token = env.get("CHAT_DATASET_TOKEN");
            long biggest = Long.parseLong(env.get("CHAT_DATASET_BIGGEST_CHAT"));
            JsonNode messages = platform.client().listMessages(token, biggest, "limit=100").json().get("data");
            assertThat(messages.size()).isPositive();
            messages.forEach(message -> assertThat(message.get("body").asString()).contains("zebracorn").startsWith(" Row "));
            assertThat(messages).anySatisfy(message -> assertThat(message.get("body").asString())
                    .contains("with \"quotes\" and a comma."));
        } finally {
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(out);
        }
    }

    private static void generateAndRead(Platform platform, Path out) throws IOException {
        int exit = platform.runDataset(out, Duration.ofMinutes(5), "--contacts", Integer.toString(CONTACTS),
                "--group-chats", Integer.toString(GROUP_CHATS), "--messages", Integer.toString(MESSAGES), "--seed", "7");
        assertThat(exit).as("the generator's exit code (0: every count verified)").isZero();

        Map<String, String> env = env(out.resolve("dataset.env"));
        Map<String, List<String>> queries = queries(out.resolve("dataset-queries.tsv"));
        String token = env.get("CHAT_DATASET_TOKEN");
        long chats = Long.parseLong(env.get("CHAT_DATASET_CHATS"));
        long biggest = Long.parseLong(env.get("CHAT_DATASET_BIGGEST_CHAT"));
        long biggestMessages = Long.parseLong(env.get("CHAT_DATASET_BIGGEST_CHAT_MESSAGES"));
        assertThat(chats).isEqualTo(CONTACTS + GROUP_CHATS);
        assertThat(env.get("CHAT_DATASET_MESSAGES")).isEqualTo(Integer.toString(MESSAGES));
        assertThat(queries.keySet()).containsExactlyInAnyOrder("name", "phone", "content", "chat_word");
        queries.values().forEach(values -> assertThat(values).hasSizeGreaterThanOrEqualTo(200));
        ChatClient client = platform.client();

        assertThat(client.getApp(token).json().get("chats_count").asLong()).isEqualTo(chats);
        inboxPagesInActivityOrder(client, token, chats);
        // Full names and phones: a last name alone may also be a word of some message (green) or a group's title.
        queries.get("name").stream().filter(name -> name.contains(" ")).limit(3)
                .forEach(name -> matchesAParticipant(client, token, name));
        queries.get("phone").stream().limit(4).forEach(phone -> matchesAParticipant(client, token, phone));
        messagesHaveSendersAndReactions(client, token, biggest, biggestMessages);
        for (String word : queries.get("chat_word").subList(0, 3)) {
            Reply hits = client.search(token, biggest, word, 20, null);
            assertThat(hits.status()).as("%s", hits).isEqualTo(200);
            assertThat(hits.json().get("data").size()).as("search for %s in chat %d", word, biggest).isPositive();
            hits.json().get("data").forEach(hit -> assertThat(hit.get("body").asString().toLowerCase(Locale.ROOT))
                    .contains(word.toLowerCase(Locale.ROOT)));
        }
        Reply content = client.listChats(token, "q=" + encode(queries.get("content").getFirst()));
        assertThat(content.json().get("data").size()).as("inbox q by message content %s", content).isPositive();

        assertThat(client.newChat(token)).as("the next chat number").isEqualTo(chats + 1);
        assertThat(client.newMessage(token, biggest, "after the load")).as("the next message number")
                .isEqualTo(biggestMessages + 1);
    }

    private static void inboxPagesInActivityOrder(ChatClient client, String token, long chats) {
        Reply first = client.listChats(token, "limit=20");
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode cursor = first.json().get("next_cursor");
        assertThat(cursor.isNull()).as("a first page of 20 of %d chats has a next page", chats).isFalse();
        Reply second = client.listChats(token, "limit=20&cursor=" + encode(cursor.asString()));
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        List<Instant> activity = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Reply page : List.of(first, second)) {
            assertThat(page.json().get("data").size()).isEqualTo(20);
            for (JsonNode chat : page.json().get("data")) {
                assertThat(seen.add(chat.get("number").asLong())).as("chat %s twice", chat.get("number")).isTrue();
                Instant created = Instant.parse(chat.get("created_at").asString());
                JsonNode last = chat.get("last_message_at");
                Instant at = last.isNull() ? created : Instant.parse(last.asString());
                activity.add(at.isAfter(created) ? at : created);
            }
        }
        for (int i = 1; i < activity.size(); i++) {
            assertThat(activity.get(i)).as("inbox order at %d", i).isBeforeOrEqualTo(activity.get(i - 1));
        }
        assertThat(client.listAllChats(token, "", 100)).as("every chat once over all pages")
                .hasSize((int) chats).doesNotHaveDuplicates();
    }

    /** q finds chats, and the first one has a participant whose name or phone holds q. */
    private static void matchesAParticipant(ChatClient client, String token, String q) {
        Reply page = client.listChats(token, "q=" + encode(q));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        JsonNode data = page.json().get("data");
        assertThat(data.size()).as("inbox q=%s", q).isPositive();
        List<String> fields = new ArrayList<>();
        for (JsonNode participant : data.get(0).get("participants")) {
            JsonNode user = client.getUser(token, participant.asString()).json();
            fields.add(user.get("name").asString().toLowerCase(Locale.ROOT));
            if (user.hasNonNull("phone")) {
                fields.add(user.get("phone").asString());
            }
        }
        assertThat(fields).as("names and phones of chat %s for q=%s", data.get(0).get("number"), q)
                .anySatisfy(field -> assertThat(field).contains(q.toLowerCase(Locale.ROOT)));
    }

    /** Every message of the biggest chat has a sender among its participants; reactions add up. */
    private static void messagesHaveSendersAndReactions(ChatClient client, String token, long chat, long count) {
        Reply chatReply = client.getChat(token, chat);
        assertThat(chatReply.json().get("messages_count").asLong()).isEqualTo(count);
        Set<String> participants = new HashSet<>();
        chatReply.json().get("participants").forEach(p -> participants.add(p.asString()));
        long seen = 0;
        long reacted = 0;
        String cursor = null;
        do {
            Reply page = client.listMessages(token, chat, "limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            for (JsonNode message : page.json().get("data")) {
                seen++;
                assertThat(message.get("number").asLong()).isEqualTo(count - seen + 1);
                assertThat(participants).contains(message.get("sender").asString());
                long counted = 0;
                for (var entry : message.get("reaction_counts").properties()) {
                    counted += entry.getValue().asLong();
                }
                assertThat(message.get("latest_reactions").size()).as("message %s", message.get("number"))
                        .isEqualTo((int) Math.min(counted, 10));
                reacted += counted > 0 ? 1 : 0;
            }
            JsonNode next = page.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(seen).isEqualTo(count);
        assertThat(reacted).as("messages with reactions in chat %d", chat).isPositive();
    }

    /** The file's variables as bash sees them once it has sourced the file, as the benchmarks' scripts do. */
    private static Map<String, String> env(Path file) throws IOException {
        Process bash = new ProcessBuilder("bash", "-c",
                "source \"$1\" && for v in ${!CHAT_DATASET_@}; do printf '%s=%s\\n' \"$v\" \"${!v}\"; done", "_", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            assertThat(bash.waitFor()).as("bash sources " + file).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, String> env = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static Map<String, List<String>> queries(Path file) throws IOException {
        Map<String, List<String>> queries = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t", 2);
            queries.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        return queries;
    }
}
