package dev.chatplatform.application;

import dev.chatplatform.domain.InvalidValueException;

/** {@code limit} 1..100 (default 50) and an optional opaque cursor from a previous page. */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && cursor.isEmpty()) {
            cursor = null;
        }
    }

    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }
}
