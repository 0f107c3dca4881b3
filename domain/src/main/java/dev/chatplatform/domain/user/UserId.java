package dev.chatplatform.domain.user;

import dev.chatplatform.domain.InvalidValueException;

/** Chosen by the client app: 1..64 characters of {@code [A-Za-z0-9_.@-]}, compared exactly (case matters). */
public record UserId(String value) implements Comparable<UserId> {
    public static final int MAX_LENGTH = 64;

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
        if (!hasShape(value)) {
            throw new InvalidValueException(field, "must be 1.." + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_', '.', '@', '-'");
        }
    }

    /** [A-Za-z0-9_.@-]{1,64}, checked char by char: a page of chats builds hundreds (a regex each was 3% of its CPU). */
    private static boolean hasShape(String value) {
        int length = value.length();
        if (length < 1 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '@' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }
}
