package dev.chatplatform.adapters.rest.reaction;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.domain.reaction.Reaction;

/** One (user, type) reaction with its total score; also the items of a message's {@code latest_reactions}. */
public record ReactionResponse(String userId, String type, long score, String createdAt, String updatedAt) {

    public static ReactionResponse from(Reaction reaction) {
        return new ReactionResponse(reaction.user().value(), reaction.type().value(), reaction.score(),
                Json.timestamp(reaction.createdAt()), Json.timestamp(reaction.updatedAt()));
    }
}
