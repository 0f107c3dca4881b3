package dev.chatplatform.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads message bodies from a CSV file, one body per row. Two shapes are read alike:
 * <ul>
 *   <li>the Exabloom seed's {@code message_content.csv} (about 180,000 rows): no header, one column, most rows
 *   starting with a space, a row quoted when it holds a comma ({@code " Yes, and ""quoted"" words"}), and
 *   unquoted rows with quotes inside ({@code  the phrase "cat nap" comes from}), which are kept as written;</li>
 *   <li>a CSV with a header row naming its columns: the body is the column named body, text, content, message,
 *   messages or message_content, else the first.</li>
 * </ul>
 * The first row is a header only if one of its fields is such a name; otherwise it is a body like the rest.
 * A quote opens a quoted field only as the field's first character (quoted fields may hold commas, doubled
 * quotes and line breaks), as the common readers do (Python's csv, Node's csv-parser): a quote inside an
 * unquoted field is text, so one stray quote cannot swallow the rows after it.
 */
final class ContentCsv {

    private static final Set<String> BODY_COLUMNS = Set.of("body", "text", "content", "message", "messages",
            "message_content");

    private ContentCsv() {
    }

    static List<String> bodies(Reader reader) throws IOException {
        List<String> bodies = new ArrayList<>();
        int column = 0;
        boolean first = true;
        for (List<String> row; (row = row(reader)) != null; ) {
            if (first) {
                first = false;
                int named = bodyColumn(row);
                if (named >= 0) {
                    column = named;
                    continue; // a header
                }
            }
            if (column < row.size() && !row.get(column).isBlank()) {
                bodies.add(MessageTexts.fit(row.get(column)));
            }
        }
        return bodies;
    }

    /** The index of the field that names the body column, or -1 when the row names none (it is data). */
    private static int bodyColumn(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (BODY_COLUMNS.contains(row.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
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
            } else if (c == '"' && field.isEmpty()) {
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
