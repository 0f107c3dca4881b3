package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.domain.message.Message;

import java.util.List;
import java.util.Map;

/** Sender, status and reactions are placeholders until users, receipts and reactions land. */
record MessageResponse(long number, long chatNumber, String body, String sender, String createdAt, String updatedAt,
                       String status, Map<String, Long> reactionCounts, Map<String, Long> reactionScores,
                       List<Object> latestReactions) {

    static MessageResponse from(Message message) {
        return new MessageResponse(message.number().value(), message.chatNumber().value(), message.body().value(),
                null, Json.timestamp(message.createdAt()), Json.timestamp(message.updatedAt()), "sent",
                Map.of(), Map.of(), List.of());
    }
}
