package dev.chatplatform.domain.user;

import dev.chatplatform.domain.InvalidValueException;

import java.util.regex.Pattern;

/** Chosen by the client app: 1..64 characters of {@code [A-Za-z0-9_.@-]}, compared exactly (case matters). */
public record UserId(String value) implements Comparable<UserId> {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.@-]{1," + MAX_LENGTH + "}");

    public UserId {
        check(value, "user_id");
    }

    /** The same rules, reported under the name the caller used for the field ({@code sender}, {@code participants[2]}). */
    public static UserId parse(String value, String field) {
        check(value, field);
        return new UserId(value);
    }

    private static void check(String value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(field, "must be 1.." + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_', '.', '@', '-'");
        }
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }
}
