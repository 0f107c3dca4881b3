package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation inside an application. A client writes its title and, once at creation, its
 * participants (none: an open chat anyone may post to; two: a direct chat; more: a group). The
 * counters and the last message are derived data the worker keeps.
 *
 * @param lastMessageNumber the highest message number persisted in the chat, 0 while it has none
 */
public record Chat(AppId appId, ChatNumber number, ChatTitle title, List<UserId> participants, long messagesCount,
                   long lastMessageNumber, Instant lastMessageAt, Instant createdAt, Instant updatedAt) {
    public static final int MAX_PARTICIPANTS = 1000;

    public Chat {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        participants = checkParticipants(participants == null ? List.of() : participants);
    }

    /** A chat without participants or derived data: the shape of a state from before participants existed. */
    public Chat(AppId appId, ChatNumber number, ChatTitle title, long messagesCount, Instant lastMessageAt,
                Instant createdAt, Instant updatedAt) {
        this(appId, number, title, List.of(), messagesCount, 0, lastMessageAt, createdAt, updatedAt);
    }

    public static Chat open(AppId appId, ChatNumber number, ChatTitle title, Instant now) {
        return open(appId, number, title, List.of(), now);
    }

    public static Chat open(AppId appId, ChatNumber number, ChatTitle title, List<UserId> participants, Instant now) {
        return new Chat(appId, number, title, participants, 0, 0, null, now, now);
    }

    public Chat retitle(ChatTitle newTitle, Instant now) {
        return new Chat(appId, number, newTitle, participants, messagesCount, lastMessageNumber, lastMessageAt,
                createdAt, later(now));
    }

    /** The same client-written state (title, participants, version) with the derived data of {@code persisted}. */
    public Chat withDerivedFrom(Chat persisted) {
        return new Chat(appId, number, title, participants, persisted.messagesCount, persisted.lastMessageNumber,
                persisted.lastMessageAt, persisted.createdAt, updatedAt);
    }

    public Optional<ChatTitle> optionalTitle() {
        return Optional.ofNullable(title);
    }

    /** Whether {@code user} may send, react and post receipts here: any user in an open chat, else a participant. */
    public boolean admits(UserId user) {
        return participants.isEmpty() || participants.contains(user);
    }

    /** Most recent activity: the inbox order. */
    public Instant activityAt() {
        return lastMessageAt != null && lastMessageAt.isAfter(createdAt) ? lastMessageAt : createdAt;
    }

    public boolean isNewerThan(Chat other) {
        return updatedAt.isAfter(other.updatedAt);
    }

    /** A state's version is its updated_at: an edit must carry a strictly later one to win. */
    private Instant later(Instant now) {
        return now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
    }

    private static List<UserId> checkParticipants(List<UserId> participants) {
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new InvalidValueException("participants", "must list at most " + MAX_PARTICIPANTS + " users");
        }
        Set<UserId> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            UserId participant = participants.get(i);
            if (participant == null) {
                throw new InvalidValueException("participants[" + i + "]", "is required");
            }
            if (!seen.add(participant)) {
                throw new InvalidValueException("participants[" + i + "]", "lists '" + participant.value() + "' twice");
            }
        }
        return List.copyOf(participants);
    }
}
