package dev.chatplatform.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads message bodies from a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks). The first row is a header; the body is the column named body, text, content or message, else
 * the first column.
 */
final class ContentCsv {

    private static final Set<String> BODY_COLUMNS = Set.of("body", "text", "content", "message");

    private ContentCsv() {
    }

    static List<String> bodies(Reader reader) throws IOException {
        List<String> bodies = new ArrayList<>();
        List<String> header = null;
        int column = 0;
        for (List<String> row; (row = row(reader)) != null; ) {
            if (header == null) {
                header = row;
                for (int i = 0; i < row.size(); i++) {
                    if (BODY_COLUMNS.contains(row.get(i).strip().toLowerCase(Locale.ROOT))) {
                        column = i;
                        break;
                    }
                }
                continue;
            }
            if (column < row.size() && !row.get(column).isBlank()) {
                bodies.add(MessageTexts.fit(row.get(column)));
            }
        }
        return bodies;
    }

    /** The next record's fields, or null at the end of the input. */
    static List<String> row(Reader reader) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                break;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
