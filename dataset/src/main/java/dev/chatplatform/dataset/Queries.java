package dev.chatplatform.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The benchmark's query values, all taken from what was generated: names and phones of contacts, words of
 * middling frequency in message bodies, and words of the biggest chat. Written as {@code kind<TAB>value}
 * lines, at least {@link #PER_KIND} of each kind.
 */
final class Queries {

    static final int PER_KIND = 250;
    /** Words are counted over this many bodies: enough to rank them, cheap at 5 million messages. */
    private static final int SAMPLED_BODIES = 200_000;
    private static final Pattern NOT_LETTERS = Pattern.compile("\\P{L}+");
    private static final Set<String> STOPWORDS = Set.of("about", "after", "again", "also", "been", "before", "being",
            "could", "does", "each", "from", "have", "here", "into", "just", "more", "most", "much", "only", "other",
            "over", "please", "same", "should", "some", "such", "than", "that", "their", "them", "then", "there",
            "these", "they", "this", "those", "very", "want", "were", "what", "when", "where", "which", "while",
            "will", "with", "would", "your", "yours", "thanks", "thank", "hello");

    private final DatasetPlan plan;
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> biggestChatWords = new HashMap<>();
    private long sampled;

    Queries(DatasetPlan plan) {
        this.plan = plan;
    }

    /** Called with every generated body, from one thread. */
    void sawBody(int chat, String body) {
        boolean sample = sampled++ < SAMPLED_BODIES;
        boolean biggest = chat == plan.biggestChat;
        if (!sample && !biggest) {
            return;
        }
        for (String word : NOT_LETTERS.split(body.toLowerCase(Locale.ROOT))) {
            if (word.length() < 4 || STOPWORDS.contains(word)) {
                continue;
            }
            if (sample) {
                words.merge(word, 1, Integer::sum);
            }
            if (biggest) {
                biggestChatWords.merge(word, 1, Integer::sum);
            }
        }
    }

    String tsv(Random random) {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < PER_KIND; i++) {
            int contact = random.nextInt(plan.options.contacts());
            String[] name = plan.names[contact].split(" ");
            String value = switch (i % 4) {
                case 0 -> plan.names[contact];
                case 1 -> name[name.length - 1];
                case 2 -> name[0];
                default -> name[name.length - 1].substring(0, Math.min(4, name[name.length - 1].length()));
            };
            line(tsv, "name", value);
        }
        for (int i = 0; i < PER_KIND; i++) {
            String phone = plan.phones[random.nextInt(plan.options.contacts())];
            line(tsv, "phone", i % 2 == 0 ? phone : phone.substring(4, 11));
        }
        repeat(tsv, "content", middling(words));
        repeat(tsv, "chat_word", ranked(biggestChatWords));
        return tsv.toString();
    }

    /** Words neither among the most common tenth nor seen fewer than three times, most common first. */
    private static List<String> middling(Map<String, Integer> counts) {
        List<String> ranked = ranked(counts);
        List<String> middle = new ArrayList<>();
        for (int i = ranked.size() / 10; i < ranked.size(); i++) {
            if (counts.get(ranked.get(i)) >= 3) {
                middle.add(ranked.get(i));
            }
        }
        return middle.isEmpty() ? ranked : middle;
    }

    private static List<String> ranked(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Every value once (up to four times {@link #PER_KIND}), then again from the start until there are {@link #PER_KIND} lines. */
    private static void repeat(StringBuilder tsv, String kind, List<String> values) {
        for (int i = 0; !values.isEmpty() && i < Math.max(PER_KIND, Math.min(values.size(), 4 * PER_KIND)); i++) {
            line(tsv, kind, values.get(i % values.size()));
        }
    }

    private static void line(StringBuilder tsv, String kind, String value) {
        tsv.append(kind).append('\t').append(value).append('\n');
    }
}
