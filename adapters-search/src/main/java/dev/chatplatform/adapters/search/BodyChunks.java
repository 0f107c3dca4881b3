package dev.chatplatform.adapters.search;

import dev.chatplatform.application.port.in.SearchMessagesUseCase;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a body into overlapping pieces short enough to be keyword terms. With pieces of {@link #SIZE}
 * characters starting every {@code SIZE - MAX_QUERY + 1}, every substring of at most {@link #MAX_QUERY}
 * characters lies whole inside one piece, so a {@code *q*} wildcard over the pieces finds exactly what
 * {@code LIKE '%q%'} finds over the body. See docs/decisions/0003-substring-search.md.
 */
final class BodyChunks {

    static final int SIZE = 1000;
    /** The longest query the API accepts: raising it there widens the overlap here. */
    static final int MAX_QUERY = SearchMessagesUseCase.Query.MAX_LENGTH;
    static final int STEP = SIZE - MAX_QUERY + 1;

    private BodyChunks() {
    }

    static List<String> of(String body) {
        if (body.length() <= SIZE) {
            return List.of(body);
        }
        List<String> chunks = new ArrayList<>();
        for (int start = 0; ; start += STEP) {
            int end = Math.min(body.length(), start + SIZE);
            chunks.add(body.substring(start, end));
            if (end == body.length()) {
                return chunks;
            }
        }
    }
}
