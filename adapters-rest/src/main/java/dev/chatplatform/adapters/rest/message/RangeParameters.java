package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.message.MessageRange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The message list's {@code before}, {@code after}, {@code since} and {@code until} query parameters. */
final class RangeParameters {

    private RangeParameters() {
    }

    static MessageRange of(Long before, Long after, String since, String until) {
        return new MessageRange(before, after, timestamp(since, "since"), timestamp(until, "until"));
    }

    /**
     * ISO-8601 with {@code Z} or an offset, with or without fractional seconds. A local time without an
     * offset is refused: which zone it meant is a guess. An unencoded {@code +} in a query string arrives
     * as a space; a space has no other meaning in a timestamp, so it is read as the {@code +} it was.
     */
    static Instant timestamp(String raw, String field) {
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip().replace(' ', '+'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field,
                    "must be an ISO-8601 timestamp with Z or an offset, e.g. 2026-11-23T08:15:30.123Z");
        }
    }
}
