package dev.chatplatform.domain.message;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in a chat. {@code updatedAt} doubles as the version of the state: the worker applies a
 * state only when it is newer than the stored one, so creates and edits can arrive in any order and
 * any number of times. {@code reactions} is derived data the worker keeps; a client writes the body
 * (and, once, the sender).
 *
 * @param sender the user who sent it, or {@code null} when the client did not say
 */
public record Message(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body, UserId sender,
                      ReactionSummary reactions, Instant createdAt, Instant updatedAt) {

    public Message {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(chatNumber, "chatNumber");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        reactions = reactions == null ? ReactionSummary.EMPTY : reactions;
    }

    /** A message without sender or reactions. */
    public Message(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body,
                   Instant createdAt, Instant updatedAt) {
        this(appId, chatNumber, number, body, null, ReactionSummary.EMPTY, createdAt, updatedAt);
    }

    public static Message post(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body, Instant now) {
        return post(appId, chatNumber, number, body, null, now);
    }

    public static Message post(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body, UserId sender,
                               Instant now) {
        return new Message(appId, chatNumber, number, body, sender, ReactionSummary.EMPTY, now, now);
    }

    public Message edit(MessageBody newBody, Instant now) {
        Instant version = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
        return new Message(appId, chatNumber, number, newBody, sender, reactions, createdAt, version);
    }

    public Message withReactions(ReactionSummary summary) {
        return new Message(appId, chatNumber, number, body, sender, summary, createdAt, updatedAt);
    }

    public boolean isNewerThan(Message other) {
        return updatedAt.isAfter(other.updatedAt);
    }
}
