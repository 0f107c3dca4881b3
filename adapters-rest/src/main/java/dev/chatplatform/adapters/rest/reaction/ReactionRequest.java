package dev.chatplatform.adapters.rest.reaction;

import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;

/**
 * {@code score} is an {@link Integer} so that the strict JSON rules apply to it: "5", 1.5 and true are
 * a 400 naming the field, never a coerced number.
 */
record ReactionRequest(String userId, String type, Integer score) {

    UserId validUser() {
        return UserId.parse(userId, "user_id");
    }

    ReactionType validType() {
        return new ReactionType(type);
    }

    ReactionScore optionalScore() {
        return score == null ? null : new ReactionScore(score);
    }
}
