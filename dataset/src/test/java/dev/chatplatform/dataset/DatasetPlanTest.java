package dev.chatplatform.dataset;

import dev.chatplatform.domain.user.Phone;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetPlanTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void csvBodiesKeepQuotedCommasQuotesAndLineBreaks() throws Exception {
        String csv = "id,body,author\r\n"
                + "1,plain text,ann\r\n"
                + "2,\"with, a comma\",bob\n"
                + "3,\"she said \"\"hi\"\"\nand left\",cy\n"
                + "4,,dan\n"
                + "5,last row without newline,eve";

        assertThat(ContentCsv.bodies(new java.io.BufferedReader(new StringReader(csv)))).containsExactly(
                "plain text", "with, a comma", "she said \"hi\"\nand left", "last row without newline");
    }

    @Test
    void csvWithoutANamedColumnUsesTheFirstAndHasNoHeader() throws Exception {
        // Without a known column name the first row is data, as in the Exabloom seed's file (ContentCsvTest).
        assertThat(ContentCsv.bodies(new java.io.BufferedReader(new StringReader("x,y\nfirst,second\n"))))
                .containsExactly("x", "first");
    }

    @Test
    void optionsTakeBothSpellingsAndSmall() {
        DatasetOptions small = DatasetOptions.parse(List.of("--small", "--seed", "9"), "http://api");
        DatasetOptions given = DatasetOptions.parse(List.of("--contacts=10", "--group-chats", "2", "--messages=7",
                "--content-csv", "bodies.csv"), "http://api");

        assertThat(small).extracting(DatasetOptions::contacts, DatasetOptions::groupChats, DatasetOptions::messages,
                DatasetOptions::seed).containsExactly(2_000, 100, 100_000L, 9L);
        assertThat(given).extracting(DatasetOptions::contacts, DatasetOptions::groupChats, DatasetOptions::messages,
                DatasetOptions::contentCsv).containsExactly(10, 2, 7L, Path.of("bodies.csv"));
        assertThatThrownBy(() -> DatasetOptions.parse(List.of("--contacts"), "http://api"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetOptions.parse(List.of("--colour", "red"), "http://api"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planHasUniquePhonesExactTotalsAHeavyTailAndOrderedTimes() {
        DatasetPlan plan = new DatasetPlan(DatasetOptions.parse(List.of("--contacts", "3000", "--group-chats", "50",
                "--messages", "60000"), "http://api"), NOW);

        Set<String> phones = new HashSet<>();
        for (int u = 0; u < plan.options.contacts(); u++) {
            assertThat(phones.add(new Phone(plan.phones[u]).value())).as("phone %s unique", plan.phones[u]).isTrue();
        }
        assertThat(Arrays.stream(plan.messageCounts).asLongStream().sum()).isEqualTo(60_000);
        int[] sorted = plan.messageCounts.clone();
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length - 1]).as("the biggest chat").isGreaterThan(20 * sorted[sorted.length / 2]);
        assertThat(plan.messageCounts[plan.biggestChat]).isEqualTo(sorted[sorted.length - 1]);
        for (int c = 0; c < plan.chats(); c++) {
            int[] members = plan.participants[c];
            assertThat(members.length).isBetween(2, 51);
            assertThat(Arrays.stream(members).distinct().count()).isEqualTo(members.length);
            long[] times = plan.timeline(c);
            assertThat(times).hasSize(plan.messageCounts[c]);
            for (int m = 0; m < times.length; m++) {
                assertThat(times[m]).isGreaterThan(plan.createdAt[c]).isLessThan(NOW);
                if (m > 0) {
                    assertThat(times[m]).isGreaterThanOrEqualTo(times[m - 1]);
                }
            }
        }
        assertThat(plan.timeline(plan.biggestChat)).as("the same times every time")
                .containsExactly(plan.timeline(plan.biggestChat));
    }

    @Test
    void shippedCorpusMakesVariedBodiesWithinTheLimit() {
        MessageTexts texts = MessageTexts.shipped();
        Random random = new Random(1);
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String body = texts.body(random);
            assertThat(body).isNotBlank().doesNotContain("{");
            assertThat(body.length()).isLessThanOrEqualTo(10_000);
            bodies.add(body);
        }
        assertThat(bodies.size()).as("distinct bodies of 2,000 (short replies such as Ok repeat)").isGreaterThan(1_000);
    }
}
