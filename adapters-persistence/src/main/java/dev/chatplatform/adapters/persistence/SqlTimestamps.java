package dev.chatplatform.adapters.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Instants travel to and from DATETIME(3) columns as UTC text. mysql-connector-j drops fractional
 * seconds for servers it believes older than 5.6.4, and MariaDB introduces itself as "5.5.5-10.x", so
 * binding a Timestamp would silently lose the milliseconds the API promises. Text works on both.
 */
@Converter(autoApply = true)
public class SqlTimestamps implements AttributeConverter<Instant, String> {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    public static String format(Instant instant) {
        return instant == null ? null : WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * The column as an instant, from the text the server sent for it. The driver's own decoding
     * ({@code getObject(column, LocalDateTime.class)}: its timestamp, then a LocalDate, a LocalTime and a
     * LocalDateTime per value) was 6% of an inbox page's CPU and 9% of its allocations, for five columns a row;
     * reading it as a String made the driver format each value with String.format (docs/performance.md, issue 12).
     */
    public static Instant read(ResultSet row, int column) throws SQLException {
        return fromText(row.getBytes(column));
    }

    public static Instant read(ResultSet row, String column) throws SQLException {
        return fromText(row.getBytes(column));
    }

    private static final int[] FRACTION_SCALE = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000,
            1_000, 100, 10, 1};

    /**
     * A DATETIME as the text protocol carries it, {@code yyyy-MM-dd HH:mm:ss} and a fraction of up to 9 digits
     * (none when it is zero), as UTC; anything else goes through {@link #parse}, which rejects what it cannot read.
     */
    static Instant fromText(byte[] text) {
        if (text == null) {
            return null;
        }
        int length = text.length;
        boolean shaped = length >= 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':'
                && text[16] == ':' && (length == 19 || length > 20 && length <= 29 && text[19] == '.');
        int year = shaped ? digits(text, 0, 4) : -1;
        int month = shaped ? digits(text, 5, 2) : -1;
        int day = shaped ? digits(text, 8, 2) : -1;
        int hour = shaped ? digits(text, 11, 2) : -1;
        int minute = shaped ? digits(text, 14, 2) : -1;
        int second = shaped ? digits(text, 17, 2) : -1;
        int fraction = length > 20 ? digits(text, 20, length - 20) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return parse(new String(text, StandardCharsets.US_ASCII));
        }
        long days = LocalDate.of(year, month, day).toEpochDay(); // rejects a day the month does not have
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second,
                (long) fraction * FRACTION_SCALE[length - 20 > 0 ? length - 20 : 0]);
    }

    /** The decimal number of {@code count} ASCII digits from {@code from}; -1 when one is not a digit. */
    private static int digits(byte[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    public static Instant parse(String text) {
        return text == null ? null : LocalDateTime.parse(text, READ).toInstant(ZoneOffset.UTC);
    }

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return format(instant);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return parse(text);
    }
}
