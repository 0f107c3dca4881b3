package dev.chatplatform.adapters.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void timestampsAreIsoUtcWithMillisAsTheFormatterWritesThem() {
        SplittableRandom random = new SplittableRandom(12);
        long earliest = Instant.parse("1000-01-01T00:00:00Z").toEpochMilli();
        long latest = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(earliest, latest + 1)).plusNanos(random.nextInt(1_000_000));
            assertThat(Json.timestamp(instant)).isEqualTo(REFERENCE.format(instant));
        }
        assertThat(Json.timestamp(Instant.parse("2026-12-05T07:08:09.010Z"))).isEqualTo("2026-12-05T07:08:09.010Z");
        assertThat(Json.timestamp(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Json.timestamp(Instant.parse("0999-12-31T23:59:59.999Z"))).isEqualTo(REFERENCE.format(Instant.parse("0999-12-31T23:59:59.999Z")));
        assertThat(Json.timestamp(null)).isNull();
    }
}
