package dev.chatplatform.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlTimestampsTest {

    private static Instant fromText(String text) {
        return SqlTimestamps.fromText(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsTheServersTextWithAndWithoutAFraction() {
        assertThat(fromText("2026-12-06 12:34:56")).isEqualTo(Instant.parse("2026-12-06T12:34:56Z"));
        assertThat(fromText("2026-12-06 12:34:56.7")).isEqualTo(Instant.parse("2026-12-06T12:34:56.700Z"));
        assertThat(fromText("2026-12-06 12:34:56.007")).isEqualTo(Instant.parse("2026-12-06T12:34:56.007Z"));
        assertThat(fromText("2026-12-06 12:34:56.000001")).isEqualTo(Instant.parse("2026-12-06T12:34:56.000001Z"));
        assertThat(fromText("1000-01-01 00:00:00.000")).isEqualTo(Instant.parse("1000-01-01T00:00:00Z"));
        assertThat(fromText("9999-12-31 23:59:59.999999")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(fromText("1969-12-31 23:59:59.999")).isEqualTo(Instant.ofEpochMilli(-1));
        assertThat(fromText("2024-02-29 00:00:00")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(SqlTimestamps.fromText(null)).isNull();
    }

    @Test
    void agreesWithTheFormatterOnAnyDatetimeAndPrecision() {
        Random random = new Random(20261206);
        long min = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)), random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String text = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
            String whole = text.substring(0, 19);
            String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
            String column = digits == 0 ? whole : whole + "." + fraction;

            assertThat(fromText(column)).as(column).isEqualTo(SqlTimestamps.parse(column));
        }
    }

    @Test
    void leavesWhatItCannotReadToTheFormatterWhichRejectsIt() {
        assertThatThrownBy(() -> fromText("2026-02-30 00:00:00")).isInstanceOf(java.time.DateTimeException.class);
        assertThat(fromText("2026-12-06 24:00:00")).isEqualTo(SqlTimestamps.parse("2026-12-06 24:00:00"));
        assertThatThrownBy(() -> fromText("0000-00-00 00:00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> fromText("2026-12-06T12:34:56")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> fromText("2026-12-06 12:34:5x")).isInstanceOf(DateTimeParseException.class);
    }
}
