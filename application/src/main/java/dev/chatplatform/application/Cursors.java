package dev.chatplatform.application;

import dev.chatplatform.domain.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursors are the keyset of the last item of a page, as colon-separated numbers behind a version tag,
 * base64url-encoded so clients treat them as opaque. Anything else is a 400 naming {@code cursor}.
 */
public final class Cursors {

    private static final String VERSION = "v1";

    private Cursors() {
    }

    public static String encode(String kind, Object... parts) {
        StringBuilder text = new StringBuilder(VERSION).append(':').append(kind);
        for (Object part : parts) {
            text.append(':').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The numeric parts of a cursor of the given kind. */
    public static String[] decode(String cursor, String kind, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] fields = text.split(":", -1);
            if (fields.length != parts + 2 || !VERSION.equals(fields[0]) || !kind.equals(fields[1])) {
                throw unreadable();
            }
            String[] values = new String[parts];
            System.arraycopy(fields, 2, values, 0, parts);
            return values;
        } catch (IllegalArgumentException e) {
            throw unreadable();
        }
    }

    public static long decodeLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw unreadable();
        }
    }

    private static InvalidValueException unreadable() {
        return new InvalidValueException("cursor", "is not a cursor returned by this API");
    }
}
