package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.InvalidValueException;

/** A chat's number inside its application: starts at 1, never repeats. */
public record ChatNumber(long value) {
    public ChatNumber {
        if (value < 1) {
            throw new InvalidValueException("number", "must be a positive integer");
        }
    }

    public static ChatNumber of(long value) {
        return new ChatNumber(value);
    }
}
