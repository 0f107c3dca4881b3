package dev.chatplatform.system;

import dev.chatplatform.system.ChatClient.Reply;
import dev.chatplatform.system.Load.Outcome;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What the clients of a run were told: the acknowledged (number, body) pairs, the bodies whose POST was
 * not acknowledged (those may or may not have been stored), and every answer by status.
 */
record Acknowledgements(Map<Long, String> acknowledged, Set<String> unacknowledged, List<Long> duplicateNumbers,
                        Map<String, Integer> answers) {

    /** {@code bodyOf} gives the body the task with that index posted. */
    static Acknowledgements of(List<Outcome<Reply>> posts, IntFunction<String> bodyOf) {
        Map<Long, String> acknowledged = new HashMap<>();
        Set<String> unacknowledged = new HashSet<>();
        List<Long> duplicates = new java.util.ArrayList<>();
        Map<String, Integer> answers = new TreeMap<>();
        for (Outcome<Reply> post : posts) {
            String answer = post.failed() ? post.error().getClass().getSimpleName() : Integer.toString(post.value().status());
            answers.merge(answer, 1, Integer::sum);
            String body = bodyOf.apply(post.index());
            if (!post.failed() && post.value().status() == 201) {
                if (acknowledged.put(post.value().number(), body) != null) {
                    duplicates.add(post.value().number());
                }
            } else {
                unacknowledged.add(body);
            }
        }
        return new Acknowledgements(acknowledged, unacknowledged, duplicates, answers);
    }

    /**
     * Stored rows that nobody was told about: allowed only for bodies whose POST failed (the command may
     * have been queued before the failure). Returns the rows that break that rule.
     */
    Map<Long, String> unexplained(Map<Long, String> stored) {
        Map<Long, String> unexplained = new TreeMap<>();
        stored.forEach((number, body) -> {
            if (!body.equals(acknowledged.get(number)) && !unacknowledged.contains(body)) {
                unexplained.put(number, body);
            }
        });
        return unexplained;
    }

    int count(String answer) {
        return answers.getOrDefault(answer, 0);
    }
}
