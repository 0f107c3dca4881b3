package dev.chatplatform.domain.reaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every message answer carries about its reactions: per type, how many (user, type) reactions
 * there are and the sum of their scores, and the newest few reactions. The worker keeps it up to date
 * as reactions are applied, so no read aggregates reactions.
 */
public record ReactionSummary(Map<String, Long> counts, Map<String, Long> scores, List<Reaction> latest) {
    public static final int LATEST_SIZE = 10;
    public static final ReactionSummary EMPTY = new ReactionSummary(Map.of(), Map.of(), List.of());

    /** Newest first: last updated, then the tie broken so that the order is total. */
    private static final Comparator<Reaction> NEWEST_FIRST = Comparator.comparing(Reaction::updatedAt).reversed()
            .thenComparing(r -> r.user().value())
            .thenComparing(r -> r.type().value());

    public ReactionSummary {
        counts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(counts, "counts")));
        scores = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(scores, "scores")));
        latest = List.copyOf(Objects.requireNonNull(latest, "latest"));
    }

    /**
     * The summary after a reaction changed from {@code before} ({@code null}: it did not exist) to
     * {@code after}. A state that is not newer than {@code before} changes nothing.
     */
    public ReactionSummary with(Reaction before, Reaction after) {
        Objects.requireNonNull(after, "after");
        if (before != null && !after.isNewerThan(before)) {
            return this;
        }
        String type = after.type().value();
        Map<String, Long> newCounts = new TreeMap<>(counts);
        Map<String, Long> newScores = new TreeMap<>(scores);
        if (before == null) {
            newCounts.merge(type, 1L, Long::sum);
        }
        newScores.merge(type, after.score() - (before == null ? 0 : before.score()), Long::sum);
        List<Reaction> newLatest = new ArrayList<>(latest.size() + 1);
        for (Reaction reaction : latest) {
            if (!reaction.key().equals(after.key())) {
                newLatest.add(reaction);
            }
        }
        newLatest.add(after);
        newLatest.sort(NEWEST_FIRST);
        return new ReactionSummary(newCounts, newScores,
                newLatest.size() > LATEST_SIZE ? newLatest.subList(0, LATEST_SIZE) : newLatest);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
