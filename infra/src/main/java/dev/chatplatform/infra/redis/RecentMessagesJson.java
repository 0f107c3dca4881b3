package dev.chatplatform.infra.redis;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache entry: a chat's newest messages, newest first, with their reaction summaries. The application
 * and chat are in the key, so they are not repeated per message. Not the queue's wire format: that one
 * carries what a client writes, this one the persisted state with its derived data.
 */
final class RecentMessagesJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecentMessagesJson() {
    }

    static String encode(List<Message> newestFirst) {
        ArrayNode messages = JSON.createArrayNode();
        for (Message message : newestFirst) {
            ObjectNode node = messages.addObject()
                    .put("number", message.number().value())
                    .put("body", message.body().value())
                    .put("sender", message.sender() == null ? null : message.sender().value())
                    .set("created_at", instant(message.createdAt()))
                    .set("updated_at", instant(message.updatedAt()));
            ReactionSummary reactions = message.reactions();
            ObjectNode counts = node.putObject("reaction_counts");
            reactions.counts().forEach(counts::put);
            ObjectNode scores = node.putObject("reaction_scores");
            reactions.scores().forEach(scores::put);
            ArrayNode latest = node.putArray("latest_reactions");
            for (Reaction reaction : reactions.latest()) {
                latest.addObject()
                        .put("message_number", reaction.message().value())
                        .put("user_id", reaction.user().value())
                        .put("type", reaction.type().value())
                        .put("score", reaction.score())
                        .set("created_at", instant(reaction.createdAt()))
                        .set("updated_at", instant(reaction.updatedAt()));
            }
        }
        return JSON.writeValueAsString(messages);
    }

    static List<Message> decode(AppId app, ChatNumber chat, String entry) {
        JsonNode messages = JSON.readTree(entry);
        List<Message> decoded = new ArrayList<>(messages.size());
        for (JsonNode node : messages) {
            List<Reaction> latest = new ArrayList<>();
            for (JsonNode reaction : node.get("latest_reactions")) {
                latest.add(new Reaction(app, chat, MessageNumber.of(reaction.get("message_number").asLong()),
                        new UserId(reaction.get("user_id").asString()), new ReactionType(reaction.get("type").asString()),
                        reaction.get("score").asLong(), instant(reaction, "created_at"), instant(reaction, "updated_at")));
            }
            JsonNode sender = node.get("sender");
            decoded.add(new Message(app, chat, MessageNumber.of(node.get("number").asLong()),
                    new MessageBody(node.get("body").asString()),
                    sender == null || sender.isNull() ? null : new UserId(sender.asString()),
                    new ReactionSummary(longs(node.get("reaction_counts")), longs(node.get("reaction_scores")), latest),
                    instant(node, "created_at"), instant(node, "updated_at")));
        }
        return decoded;
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> values = new LinkedHashMap<>();
        object.properties().forEach(property -> values.put(property.getKey(), property.getValue().asLong()));
        return values;
    }

    /**
     * An instant as epoch milliseconds when it has no finer part (the API's clock is read in milliseconds), else as
     * ISO-8601 text: Instant.parse of two texts per message was 9% of a message page's CPU (docs/performance.md).
     */
    private static JsonNode instant(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                ? JSON.getNodeFactory().numberNode(instant.toEpochMilli())
                : JSON.getNodeFactory().stringNode(instant.toString());
    }

    /** Either form of {@link #instant(Instant)}: entries written before the numbers hold texts only. */
    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value.isIntegralNumber() ? Instant.ofEpochMilli(value.asLong()) : Instant.parse(value.asString());
    }
}
