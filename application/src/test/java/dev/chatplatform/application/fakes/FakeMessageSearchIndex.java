package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Substring search by brute force, which is what {@code LIKE '%q%'} means: a message matches when its
 * body contains the query, compared character by character in lower case. Relevance is the share of
 * the body the query covers, so shorter and more repetitive bodies rank first.
 */
public final class FakeMessageSearchIndex implements MessageSearchIndex {

    private static final Comparator<Hit> RELEVANCE = Comparator.comparingDouble(Hit::score)
            .thenComparingLong(hit -> hit.number().value()).reversed();

    private final Map<Key, Message> documents = new HashMap<>();
    private final Outage outage = new Outage("elasticsearch");
    private int mentionCounts;

    /** How many times {@link #allChatsMentioning} was asked (a cache in front of the index asks less). */
    public synchronized int mentionCounts() {
        return mentionCounts;
    }

    @Override
    public synchronized List<Message> indexAll(List<Message> messages) {
        outage.check();
        for (Message message : messages) {
            documents.merge(Key.of(message), message, (stored, indexed) -> stored.isNewerThan(indexed) ? stored : indexed);
        }
        return List.of();
    }

    @Override
    public synchronized Hits search(AppId app, ChatNumber chat, String query, SearchPosition after, int limit) {
        outage.check();
        String needle = lowerCase(query);
        return new Hits(documents.values().stream()
                .filter(message -> message.appId().equals(app) && message.chatNumber().equals(chat))
                .filter(message -> lowerCase(message.body().value()).contains(needle))
                .map(message -> new Hit(message.number(), score(lowerCase(message.body().value()), needle)))
                .filter(hit -> after == null || isAfter(hit, after))
                .sorted(RELEVANCE)
                .limit(limit)
                .toList());
    }

    @Override
    public synchronized Set<ChatNumber> chatsMentioning(AppId app, String query, int max) {
        outage.check();
        String needle = lowerCase(query);
        return documents.values().stream()
                .filter(message -> message.appId().equals(app))
                .filter(message -> lowerCase(message.body().value()).contains(needle))
                .map(Message::chatNumber)
                .distinct()
                .limit(max)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public synchronized java.util.Optional<Set<ChatNumber>> allChatsMentioning(AppId app, String query, int maxMessages) {
        outage.check();
        mentionCounts++;
        String needle = lowerCase(query);
        List<Message> matching = documents.values().stream()
                .filter(message -> message.appId().equals(app))
                .filter(message -> lowerCase(message.body().value()).contains(needle))
                .toList();
        return matching.size() > maxMessages ? java.util.Optional.empty()
                : java.util.Optional.of(matching.stream().map(Message::chatNumber).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public synchronized Set<ChatNumber> chatsMentioningAmong(AppId app, String query, java.util.Collection<ChatNumber> among) {
        outage.check();
        Set<ChatNumber> wanted = Set.copyOf(among);
        String needle = lowerCase(query);
        return documents.values().stream()
                .filter(message -> message.appId().equals(app) && wanted.contains(message.chatNumber()))
                .filter(message -> lowerCase(message.body().value()).contains(needle))
                .map(Message::chatNumber)
                .collect(java.util.stream.Collectors.toSet());
    }

    public Outage outage() {
        return outage;
    }

    /**
     * The real index's ranking: 2 when the body holds the query's words in a row, plus 1 when it holds any of
     * them, 0 for a substring only. Words as the standard analyzer makes them, near enough for tests: runs of
     * letters and digits.
     */
    private static double score(String body, String needle) {
        List<String> words = words(body);
        List<String> wanted = words(needle);
        if (wanted.isEmpty()) {
            return 0;
        }
        double score = wanted.stream().anyMatch(words::contains) ? 1 : 0;
        for (int i = 0; i + wanted.size() <= words.size(); i++) {
            if (words.subList(i, i + wanted.size()).equals(wanted)) {
                return score + 2;
            }
        }
        return score;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static boolean isAfter(Hit hit, SearchPosition after) {
        int byScore = Double.compare(hit.score(), after.score());
        return byScore < 0 || (byScore == 0 && hit.number().value() < after.number());
    }

    /** Character by character, as a search engine's lowercase filter does (no locale or context rules). */
    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    private record Key(long app, long chat, long number) {
        static Key of(Message message) {
            return new Key(message.appId().value(), message.chatNumber().value(), message.number().value());
        }
    }
}
