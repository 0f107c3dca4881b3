package dev.chatplatform.adapters.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class BodyChunksTest {

    private static final int LONGEST_QUERY = 200;
    private static final int LONGEST_CHUNK = 1000;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 199, 200, 201, 999, 1000})
    void bodyOfAtMost1000CharactersIsOneChunk(int length) {
        String body = randomBody(length, length);

        assertThat(BodyChunks.of(body)).containsExactly(body);
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1002, 1199, 1200, 1201, 1799, 1800, 1801, 2000, 2603, 5000, 9999, 10_000})
    void everySubstringOfAtMost200CharactersLiesWholeInsideOneChunk(int length) {
        String body = randomBody(length, length);
        List<String> chunks = BodyChunks.of(body);
        int[] starts = chunkStarts(body, chunks);

        for (int from = 0; from < body.length(); from++) {
            for (int queryLength : new int[] {1, 2, 3, 50, 100, 199, 200}) {
                int to = from + queryLength;
                if (to > body.length()) {
                    continue;
                }
                if (!anyChunkHolds(starts, chunks, from, to)) {
                    fail("body of %d: substring [%d, %d) lies in no single chunk (chunks start at %s)",
                            length, from, to, Arrays.toString(starts));
                }
            }
        }
    }

    @Test
    void everySubstringOfAtMost200CharactersIsFoundByContainment() {
        // what the wildcard query does: a chunk that contains the text, wherever the text came from
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            String body = randomBody(1001 + random.nextInt(9000), round);
            List<String> chunks = BodyChunks.of(body);
            int queryLength = 1 + random.nextInt(LONGEST_QUERY);
            int from = random.nextInt(body.length() - queryLength + 1);
            String query = body.substring(from, from + queryLength);

            assertThat(chunks).as("round %d", round).anySatisfy(chunk -> assertThat(chunk).contains(query));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1801, 2500, 10_000})
    void chunksAreAtMost1000CharactersAndCoverTheWholeBody(int length) {
        String body = randomBody(length, length);
        List<String> chunks = BodyChunks.of(body);
        int[] starts = chunkStarts(body, chunks);

        assertThat(chunks).hasSizeGreaterThan(1)
                .allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(LONGEST_CHUNK));
        assertThat(starts[0]).isZero();
        assertThat(starts[starts.length - 1] + chunks.getLast().length()).isEqualTo(body.length());
        for (int i = 1; i < starts.length; i++) {
            assertThat(starts[i]).as("chunk %d starts inside chunk %d", i, i - 1)
                    .isLessThan(starts[i - 1] + chunks.get(i - 1).length());
        }
    }

    @Test
    void chunksOfTheLongestBodyStayFewAndSmallEnoughForAKeywordTerm() {
        String body = randomBody(10_000, 1);
        List<String> chunks = BodyChunks.of(body);

        // 10,000 characters at a step of 801 is 13 chunks: small documents, and far below Lucene's 32 KB term limit
        assertThat(chunks).hasSizeLessThanOrEqualTo(13);
        assertThat(chunks).allSatisfy(chunk ->
                assertThat(chunk.getBytes(StandardCharsets.UTF_8).length).isLessThan(32_766));
    }

    /** Where each chunk starts in the body: located by content, so the test does not trust the step it checks. */
    private static int[] chunkStarts(String body, List<String> chunks) {
        int[] starts = new int[chunks.size()];
        int searchFrom = 0;
        for (int i = 0; i < chunks.size(); i++) {
            starts[i] = body.indexOf(chunks.get(i), searchFrom);
            assertThat(starts[i]).as("chunk %d is a piece of the body", i).isNotNegative();
            searchFrom = starts[i] + 1;
        }
        return starts;
    }

    private static boolean anyChunkHolds(int[] starts, List<String> chunks, int from, int to) {
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= from && to <= starts[i] + chunks.get(i).length()) {
                return true;
            }
        }
        return false;
    }

    /** Random text over a wide alphabet, so a chunk's content pins down its place in the body. */
    private static String randomBody(int length, long seed) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 äöüßéèçñ世界你好мир";
        Random random = new Random(seed);
        StringBuilder body = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            body.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return body.toString();
    }
}
