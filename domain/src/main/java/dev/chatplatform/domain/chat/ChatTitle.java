package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.InvalidValueException;

/** Optional on a chat; when given it is 1..255 characters and not blank. */
public record ChatTitle(String value) {
    public static final int MAX_LENGTH = 255;

    public ChatTitle {
        if (value == null) {
            throw new InvalidValueException("title", "is required");
        }
        if (value.isBlank()) {
            throw new InvalidValueException("title", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("title", "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
