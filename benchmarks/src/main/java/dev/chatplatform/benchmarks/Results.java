package dev.chatplatform.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, as {@code key<TAB>value} lines appended to one file (bench.results) by each
 * step, so that steps run as separate processes and {@link Report} reads them all at the end.
 */
public final class Results {

    private Results() {
    }

    public static Path file() {
        return Path.of(Settings.prop("bench.results", ".run/bench/results.tsv"));
    }

    public static synchronized void put(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
        String line = key + "\t" + text.replace('\t', ' ').replace('\n', ' ') + "\n";
        try {
            Path file = file();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[bench] " + key + " = " + text);
    }

    public static void put(String prefix, Latencies.Summary summary) {
        put(prefix + ".count", summary.count());
        put(prefix + ".errors", summary.errors());
        put(prefix + ".p50_ms", summary.p50Millis());
        put(prefix + ".p99_ms", summary.p99Millis());
        put(prefix + ".max_ms", summary.maxMillis());
    }

    /** The last value of each key (a rerun of a step replaces its figures). */
    public static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    values.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
