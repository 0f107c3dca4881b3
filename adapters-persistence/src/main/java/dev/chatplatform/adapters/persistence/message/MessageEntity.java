package dev.chatplatform.adapters.persistence.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;

/** Read model of a message. Writes go through {@link JdbcMessageStore}'s batched, version-checked upserts. */
@Entity
@Immutable
@Table(name = "messages")
@IdClass(MessageEntity.Key.class)
class MessageEntity {

    @Id
    @Column(name = "app_id")
    private long appId;

    @Id
    @Column(name = "chat_number")
    private long chatNumber;

    @Id
    private long number;

    private String body;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected MessageEntity() {
    }

    public long getAppId() {
        return appId;
    }

    public long getChatNumber() {
        return chatNumber;
    }

    public long getNumber() {
        return number;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    record Key(long appId, long chatNumber, long number) implements Serializable {
    }
}
