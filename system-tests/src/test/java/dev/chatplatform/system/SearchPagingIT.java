package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import dev.chatplatform.system.Load.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.chatplatform.system.Platform.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "Walking all pages returns every item exactly once, even while new items are being written": search too. */
@ExtendWith(PlatformExtension.class)
class SearchPagingIT {

    private static final int EXISTING = 200;
    private static final int WRITTEN_PER_PAGE = 5;
    private static final int PAGE = 20;
    /** Twice the pages the earlier matches fill: a walk that restarts as the index moves would never end. */
    private static final int MAX_PAGES = 2 * EXISTING / PAGE;

    @Test
    void walkingSearchPagesWhileMessagesAreWrittenReturnsEveryEarlierMatchExactlyOnce(Platform platform) {
        platform.ensureWorkerRunning();
        ChatClient client = platform.client();
        String token = client.createApp(TestData.appName("search-paging"));
        long chat = client.newChat(token);
        String tag = TestData.tag();
        String common = "common" + tag;
        List<Outcome<Long>> existing = Load.run(10, EXISTING,
                i -> client.newMessage(token, chat, TestData.body(tag, i, common)));
        Set<Long> before = existing.stream().map(Outcome::value).collect(Collectors.toSet());
        await("existing messages searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.searchAll(token, chat, common).size() == EXISTING);

        List<Long> walked = new ArrayList<>();
        int pages = 0;
        int written = 0;
        String cursor = null;
        do {
            Reply page = client.search(token, chat, common, PAGE, cursor);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode json = page.json();
            json.get("data").forEach(message -> walked.add(message.get("number").asLong()));
            cursor = json.get("next_cursor").isNull() ? null : json.get("next_cursor").asString();
            pages++;
            // Between two pages, new matches are written and become searchable, as under a slow reader.
            for (int i = 0; i < WRITTEN_PER_PAGE; i++) {
                client.newMessage(token, chat, TestData.body(tag, EXISTING + written++, common));
            }
            String newest = TestData.marker(tag, EXISTING + written - 1);
            await("new message searchable").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> client.searchAll(token, chat, newest).size() == 1);
        } while (cursor != null && pages < MAX_PAGES);

        List<Long> duplicates = walked.stream().filter(n -> walked.indexOf(n) != walked.lastIndexOf(n)).distinct().toList();
        List<Long> missed = before.stream().filter(n -> !walked.contains(n)).sorted().toList();
        log("search walk of %d pages while %d messages were written: %d hits, %d numbers twice, %d earlier messages missed",
                pages, written, walked.size(), duplicates.size(), missed.size());
        assertThat(cursor).as("the walk ended within %d pages", MAX_PAGES).isNull();
        assertThat(duplicates).as("numbers returned twice by one walk").isEmpty();
        assertThat(missed).as("messages indexed before the walk began but never returned").isEmpty();
    }
}
