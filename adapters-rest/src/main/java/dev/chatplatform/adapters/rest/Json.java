package dev.chatplatform.adapters.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's one timestamp shape: ISO-8601 UTC with exactly three fractional digits. */
public final class Json {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }
}
