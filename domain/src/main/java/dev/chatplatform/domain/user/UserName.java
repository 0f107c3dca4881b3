package dev.chatplatform.domain.user;

import dev.chatplatform.domain.InvalidValueException;

/** A user's display name: 1..255 characters, not blank. */
public record UserName(String value) {
    public static final int MAX_LENGTH = 255;

    public UserName {
        if (value == null) {
            throw new InvalidValueException("name", "is required");
        }
        if (value.isBlank()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
