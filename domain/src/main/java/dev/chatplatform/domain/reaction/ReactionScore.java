package dev.chatplatform.domain.reaction;

import dev.chatplatform.domain.InvalidValueException;

/** What one reaction request adds: an integer 1..1000, default 1. The stored total may grow past it (claps). */
public record ReactionScore(int value) {
    public static final int MAX = 1000;
    public static final ReactionScore ONE = new ReactionScore(1);

    public ReactionScore {
        if (value < 1 || value > MAX) {
            throw new InvalidValueException("score", "must be an integer between 1 and " + MAX);
        }
    }
}
