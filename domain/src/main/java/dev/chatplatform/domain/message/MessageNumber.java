package dev.chatplatform.domain.message;

import dev.chatplatform.domain.InvalidValueException;

/** A message's number inside its chat: starts at 1, never repeats. */
public record MessageNumber(long value) {
    public MessageNumber {
        if (value < 1) {
            throw new InvalidValueException("number", "must be a positive integer");
        }
    }

    public static MessageNumber of(long value) {
        return new MessageNumber(value);
    }
}
