package dev.chatplatform.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The shape of the data set, decided up front from the seed: users, chats with their participants and
 * creation times, and how many messages each chat gets. Each chat's message times are derived from the
 * seed and the chat alone ({@link #timeline}), so the chats can be written with their last-message columns
 * before the messages, and the messages later in any order.
 *
 * <p>Users 0..contacts-1 are contacts, the next {@link DatasetOptions#AGENTS} are the business's agents.
 * Chat index i is chat number i + 1: first one 1:1 chat per contact (with one agent), then the group chats.
 */
final class DatasetPlan {

    static final Duration SPAN = Duration.ofDays(365);
    private static final long MINUTE = 60_000;
    /** Messages of a session follow each other this far apart on average. */
    private static final long MEAN_GAP_MILLIS = 90_000;
    /** Messages per conversation session, on average. */
    private static final int MEAN_SESSION = 6;
    /** Zipf exponent and offset of the messages per chat: a few chats hold 1%, most a handful. */
    private static final double ZIPF_S = 1.0;
    private static final double ZIPF_OFFSET = 10;

    final DatasetOptions options;
    final long now;
    final String[] userIds;
    final String[] names;
    final String[] phones;
    final int[][] participants;
    final String[] titles;
    final long[] createdAt;
    final int[] messageCounts;
    final int biggestChat;

    DatasetPlan(DatasetOptions options, long now) {
        this.options = options;
        this.now = now;
        Random random = new Random(options.seed());
        List<String> first = lines("/dataset/first-names.txt");
        List<String> last = lines("/dataset/last-names.txt");
        int contacts = options.contacts();
        int users = contacts + DatasetOptions.AGENTS;
        userIds = new String[users];
        names = new String[users];
        phones = new String[users];
        for (int u = 0; u < contacts; u++) {
            userIds[u] = "contact-%06d".formatted(u + 1);
            names[u] = first.get(random.nextInt(first.size())) + " " + last.get(random.nextInt(last.size()));
            phones[u] = phone(u, options.seed());
        }
        for (int a = 0; a < DatasetOptions.AGENTS; a++) {
            int u = contacts + a;
            userIds[u] = "agent-%02d".formatted(a + 1);
            names[u] = first.get(random.nextInt(first.size())) + " (Support)";
        }
        int chats = options.chats();
        participants = new int[chats][];
        titles = new String[chats];
        createdAt = new long[chats];
        long start = now - SPAN.toMillis();
        for (int c = 0; c < chats; c++) {
            // Chats open over the first eleven months, so that every one has time for its messages.
            createdAt[c] = start + (long) (random.nextDouble() * (SPAN.toMillis() - Duration.ofDays(30).toMillis()));
            if (c < contacts) {
                participants[c] = new int[] {c, contacts + random.nextInt(DatasetOptions.AGENTS)};
            } else {
                participants[c] = group(random, contacts);
                titles[c] = "Team " + last.get(random.nextInt(last.size())) + " " + (c - contacts + 1);
            }
        }
        messageCounts = counts(random, chats, options.messages());
        int biggest = 0;
        for (int c = 1; c < chats; c++) {
            if (messageCounts[c] > messageCounts[biggest]) {
                biggest = c;
            }
        }
        biggestChat = biggest;
    }

    int chats() {
        return participants.length;
    }

    int users() {
        return userIds.length;
    }

    long number(int chat) {
        return chat + 1L;
    }

    /** Unique E.164 numbers: a stride coprime with the range walks it without repeats. */
    static String phone(int contact, long seed) {
        long range = 8_000_000_000L;
        long offset = Math.floorMod(seed * 1_000_003L, range);
        return "+1" + (2_000_000_000L + Math.floorMod(offset + contact * 7_919L, range));
    }

    /** 3 to 50 participants, most groups small: contacts and one agent, in creation order. */
    private static int[] group(Random random, int contacts) {
        int size = Math.min(3 + (int) Math.min(47, -Math.log(1 - random.nextDouble()) * 8), contacts + 1);
        int[] members = new int[size];
        members[0] = contacts + random.nextInt(DatasetOptions.AGENTS);
        int filled = 1;
        while (filled < size) {
            int candidate = random.nextInt(contacts);
            boolean seen = false;
            for (int i = 1; i < filled; i++) {
                seen |= members[i] == candidate;
            }
            if (!seen) {
                members[filled++] = candidate;
            }
        }
        return members;
    }

    /** Zipf over a random ranking of the chats, the total made exact with the remainder spread at random. */
    private static int[] counts(Random random, int chats, long messages) {
        int[] ranking = new int[chats];
        for (int i = 0; i < chats; i++) {
            ranking[i] = i;
        }
        for (int i = chats - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ranking[i];
            ranking[i] = ranking[j];
            ranking[j] = t;
        }
        double[] weights = new double[chats];
        double total = 0;
        for (int rank = 0; rank < chats; rank++) {
            weights[rank] = 1 / Math.pow(rank + ZIPF_OFFSET, ZIPF_S);
            total += weights[rank];
        }
        int[] counts = new int[chats];
        long assigned = 0;
        for (int rank = 0; rank < chats; rank++) {
            int count = (int) Math.floor(messages * weights[rank] / total);
            counts[ranking[rank]] = count;
            assigned += count;
        }
        while (assigned < messages) {
            counts[random.nextInt(chats)]++;
            assigned++;
        }
        return counts;
    }

    /**
     * The creation times of a chat's messages, ascending: sessions of messages a minute or two apart,
     * started at random times between the chat's creation and an hour ago.
     */
    long[] timeline(int chat) {
        int count = messageCounts[chat];
        long[] times = new long[count];
        if (count == 0) {
            return times;
        }
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + chat);
        int sessions = Math.max(1, Math.round((float) count / MEAN_SESSION));
        long from = createdAt[chat] + MINUTE;
        long to = now - 60 * MINUTE;
        long[] starts = new long[sessions];
        for (int s = 0; s < sessions; s++) {
            starts[s] = from + (long) (random.nextDouble() * (to - from));
        }
        Arrays.sort(starts);
        int k = 0;
        long previous = from;
        for (int s = 0; s < sessions; s++) {
            int inSession = count / sessions + (s < count % sessions ? 1 : 0);
            long t = Math.max(starts[s], previous + 1);
            for (int m = 0; m < inSession; m++) {
                if (m > 0) {
                    t += 2_000 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_GAP_MILLIS);
                }
                t = Math.min(Math.max(t, previous + 1), now - 1);
                times[k++] = t;
                previous = t;
            }
        }
        return times;
    }

    long lastMessageAt(int chat) {
        long[] times = timeline(chat);
        return times.length == 0 ? -1 : times[times.length - 1];
    }

    static List<String> lines(String resource) {
        try (InputStream in = DatasetPlan.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
