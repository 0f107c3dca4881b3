package dev.chatplatform.adapters.persistence;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON columns: chats.participants and message_reactions.summary. Written field by field rather than
 * by serialising the domain records, so that a renamed record component cannot silently change what is
 * stored. A summary's latest reactions leave out what the row's key already says (app, chat, message).
 */
public final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.shared();

    private JsonColumns() {
    }

    public static String participants(List<UserId> participants) {
        if (participants.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        participants.forEach(user -> array.add(user.value()));
        return JSON.writeValueAsString(array);
    }

    public static List<UserId> participants(String json) {
        if (json == null) {
            return List.of();
        }
        // Streamed, not read as a tree: every chat of an inbox page comes through here (a tree per row was 12%
        // of what a page allocated).
        List<UserId> participants = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("chats.participants is not a JSON array of strings: " + json);
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    throw new IllegalStateException("chats.participants is not a JSON array of strings: " + json);
                }
                participants.add(new UserId(parser.getString()));
            }
        }
        return participants;
    }

    public static String summary(ReactionSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode counts = root.putObject("counts");
        summary.counts().forEach(counts::put);
        ObjectNode scores = root.putObject("scores");
        summary.scores().forEach(scores::put);
        ArrayNode latest = root.putArray("latest");
        for (Reaction reaction : summary.latest()) {
            latest.addObject()
                    .put("user", reaction.user().value())
                    .put("type", reaction.type().value())
                    .put("score", reaction.score())
                    .put("created_at", reaction.createdAt().toString())
                    .put("updated_at", reaction.updatedAt().toString());
        }
        return JSON.writeValueAsString(root);
    }

    public static ReactionSummary summary(String json, AppId app, ChatNumber chat, MessageNumber message) {
        if (json == null) {
            return ReactionSummary.EMPTY;
        }
        JsonNode root = JSON.readTree(json);
        List<Reaction> latest = new ArrayList<>();
        for (JsonNode reaction : root.get("latest").values()) {
            latest.add(new Reaction(app, chat, message, new UserId(reaction.get("user").asString()),
                    new ReactionType(reaction.get("type").asString()), reaction.get("score").asLong(),
                    Instant.parse(reaction.get("created_at").asString()),
                    Instant.parse(reaction.get("updated_at").asString())));
        }
        return new ReactionSummary(longs(root.get("counts")), longs(root.get("scores")), latest);
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> values = new TreeMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asLong()));
        return values;
    }
}
