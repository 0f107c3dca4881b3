package dev.chatplatform.domain.reaction;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * One user's reaction of one type to a message, with the total score of every time they reacted so
 * (claps). The score only grows, so of two states of the same reaction the higher score is the newer.
 */
public record Reaction(AppId appId, ChatNumber chat, MessageNumber message, UserId user, ReactionType type,
                       long score, Instant createdAt, Instant updatedAt) {

    public Reaction {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (score < 1) {
            throw new IllegalArgumentException("a reaction's score is at least 1");
        }
    }

    /** The first reaction of this user and type. */
    public static Reaction first(ReactionAdded added) {
        return new Reaction(added.appId(), added.chat(), added.message(), added.user(), added.type(),
                added.score().value(), added.at(), added.at());
    }

    /** This reaction after one more of the same (user, type): the scores add up. */
    public Reaction plus(ReactionAdded added) {
        if (!added.key().equals(key())) {
            throw new IllegalArgumentException("a different reaction: " + added.key());
        }
        Instant version = added.at().isAfter(updatedAt) ? added.at() : updatedAt;
        return new Reaction(appId, chat, message, user, type, score + added.score().value(), createdAt, version);
    }

    public Key key() {
        return new Key(message, user, type);
    }

    /** Of two states of the same reaction, the one with more score counted in. */
    public boolean isNewerThan(Reaction other) {
        return score > other.score;
    }

    /** A reaction inside its chat. */
    public record Key(MessageNumber message, UserId user, ReactionType type) {
        public Key {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(type, "type");
        }
    }
}
