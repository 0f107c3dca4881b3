package dev.chatplatform.domain.message;

import dev.chatplatform.domain.InvalidValueException;

public record MessageBody(String value) {
    public static final int MAX_LENGTH = 10_000;

    public MessageBody {
        if (value == null) {
            throw new InvalidValueException("body", "is required");
        }
        if (value.isBlank()) {
            throw new InvalidValueException("body", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("body", "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
