package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.adapters.rest.reaction.ReactionResponse;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.ReactionSummary;

import java.util.List;
import java.util.Map;

/** A message as every answer carries it, the chat's {@code last_message} included. */
public record MessageResponse(long number, long chatNumber, String body, String sender, String createdAt,
                              String updatedAt, String status, Map<String, Long> reactionCounts,
                              Map<String, Long> reactionScores, List<ReactionResponse> latestReactions) {

    public static MessageResponse from(MessageView view) {
        Message message = view.message();
        ReactionSummary reactions = message.reactions();
        return new MessageResponse(message.number().value(), message.chatNumber().value(), message.body().value(),
                message.sender() == null ? null : message.sender().value(), Json.timestamp(message.createdAt()),
                Json.timestamp(message.updatedAt()), view.status().wireName(), reactions.counts(), reactions.scores(),
                reactions.latest().stream().map(ReactionResponse::from).toList());
    }
}
