package dev.chatplatform.domain.app;

import dev.chatplatform.domain.InvalidValueException;

public record AppName(String value) {
    public static final int MAX_LENGTH = 255;

    public AppName {
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
