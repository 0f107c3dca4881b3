package dev.chatplatform.adapters.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
     * The column as an instant, decoded by the driver from the row's bytes: reading it as a String first made
     * mysql-connector-j format each DATETIME with String.format, which with the parse back took a quarter of
     * an inbox page's CPU (docs/performance.md, issue 12).
     */
    public static Instant read(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static Instant read(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
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
