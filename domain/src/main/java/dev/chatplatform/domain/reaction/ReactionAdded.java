package dev.chatplatform.domain.reaction;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * "User U reacted with T (score S) to message M": an increment, not a state, so it carries a unique
 * {@code eventId} and the worker applies each event id at most once (claps from concurrent requests
 * must all add up, and a redelivered event must add nothing).
 */
public record ReactionAdded(String eventId, AppId appId, ChatNumber chat, MessageNumber message, UserId user,
                            ReactionType type, ReactionScore score, Instant at) {
    public static final int MAX_EVENT_ID_LENGTH = 64;

    public ReactionAdded {
        Objects.requireNonNull(eventId, "eventId");
        if (eventId.isEmpty() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new IllegalArgumentException("eventId must be 1.." + MAX_EVENT_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(at, "at");
    }

    public Reaction.Key key() {
        return new Reaction.Key(message, user, type);
    }

    /** The reaction after this event, given its state before ({@code null} when this is the first). */
    public Reaction applyTo(Reaction before) {
        return before == null ? Reaction.first(this) : before.plus(this);
    }
}
