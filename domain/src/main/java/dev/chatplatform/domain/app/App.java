package dev.chatplatform.domain.app;

import java.time.Instant;
import java.util.Objects;

/** An application of an app developer: the tenant every chat, message and user belongs to. */
public record App(AppId id, AppToken token, AppName name, long chatsCount, Instant createdAt, Instant updatedAt) {
    public App {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
