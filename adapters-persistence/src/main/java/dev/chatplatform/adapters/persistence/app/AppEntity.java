package dev.chatplatform.adapters.persistence.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "apps")
class AppEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, columnDefinition = "BINARY(32)")
    private byte[] tokenHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "chats_count", nullable = false, insertable = false, updatable = false)
    private long chatsCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AppEntity() {
    }

    AppEntity(byte[] tokenHash, String name, Instant now) {
        this.tokenHash = tokenHash;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void replaceTokenHash(byte[] newTokenHash, Instant now) {
        this.tokenHash = newTokenHash;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    long getChatsCount() {
        return chatsCount;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
