package dev.chatplatform.adapters.persistence.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;

/** Read model of a chat. Writes go through {@link JdbcChatStore}'s batched, version-checked upserts. */
@Entity
@Immutable
@Table(name = "chats")
@IdClass(ChatEntity.Key.class)
class ChatEntity {

    @Id
    @Column(name = "app_id")
    private long appId;

    @Id
    private long number;

    private String title;

    @Column(name = "messages_count")
    private long messagesCount;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "activity_at")
    private Instant activityAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ChatEntity() {
    }

    public long getAppId() {
        return appId;
    }

    public long getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public long getMessagesCount() {
        return messagesCount;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public Instant getActivityAt() {
        return activityAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    record Key(long appId, long number) implements Serializable {
    }
}
