package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.app.AppId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation inside an application. The counters and the last activity are derived data the
 * worker keeps; the state a client writes is the title.
 */
public record Chat(AppId appId, ChatNumber number, ChatTitle title, long messagesCount, Instant lastMessageAt,
                   Instant createdAt, Instant updatedAt) {

    public Chat {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Chat open(AppId appId, ChatNumber number, ChatTitle title, Instant now) {
        return new Chat(appId, number, title, 0, null, now, now);
    }

    public Chat retitle(ChatTitle newTitle, Instant now) {
        return new Chat(appId, number, newTitle, messagesCount, lastMessageAt, createdAt, later(now));
    }

    public Optional<ChatTitle> optionalTitle() {
        return Optional.ofNullable(title);
    }

    /** Most recent activity: the inbox order. */
    public Instant activityAt() {
        return lastMessageAt != null && lastMessageAt.isAfter(createdAt) ? lastMessageAt : createdAt;
    }

    /** A state's version is its updated_at: an edit must carry a strictly later one to win. */
    private Instant later(Instant now) {
        return now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
    }
}
