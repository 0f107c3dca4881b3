package dev.chatplatform.application.mothers;

import java.time.Instant;

/** Fixed instants with millisecond precision, as every stored timestamp has. */
public final class Times {

    public static final Instant T0 = Instant.parse("2026-11-23T08:15:30.123Z");

    private Times() {
    }

    public static Instant secondsAfterT0(long seconds) {
        return T0.plusSeconds(seconds);
    }

    public static Instant millisAfterT0(long millis) {
        return T0.plusMillis(millis);
    }
}
