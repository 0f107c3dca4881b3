package dev.chatplatform.domain.app;

import dev.chatplatform.domain.InvalidValueException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The credential of an application: 256 random bits, base64url without padding (43 characters).
 * {@link #toString()} shows only a prefix so a token cannot leak through a log line.
 */
public record AppToken(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public AppToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("token", "is not an application token");
        }
    }

    public static AppToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AppToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A value that cannot be a token is simply unknown: the caller answers 404 rather than 400. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public String masked() {
        return value.substring(0, 4) + "…";
    }

    @Override
    public String toString() {
        return "AppToken[" + masked() + "]";
    }
}
