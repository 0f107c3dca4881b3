package dev.chatplatform.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The API promises millisecond timestamps; every stored instant is cut there so round trips are exact. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
