package dev.chatplatform.adapters.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;

/** Read model of a user. Writes go through {@link JdbcUserStore}'s batched, version-checked upserts. */
@Entity
@Immutable
@Table(name = "users")
@IdClass(UserEntity.Key.class)
class UserEntity {

    @Id
    @Column(name = "app_id")
    private long appId;

    @Id
    @Column(name = "user_id")
    private String userId;

    private String name;

    private String phone;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected UserEntity() {
    }

    public long getAppId() {
        return appId;
    }

    public String getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    record Key(long appId, String userId) implements Serializable {
    }
}
