package dev.chatplatform.domain.user;

import dev.chatplatform.domain.InvalidValueException;

import java.util.regex.Pattern;

/** E.164-like: a {@code +} and 6..15 digits, nothing else (no spaces, no dashes), so equal numbers are equal strings. */
public record Phone(String value) {
    private static final Pattern SHAPE = Pattern.compile("\\+[0-9]{6,15}");

    public Phone {
        if (value == null) {
            throw new InvalidValueException("phone", "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("phone", "must be '+' followed by 6..15 digits, e.g. +4915112345678");
        }
    }
}
