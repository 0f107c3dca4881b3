package dev.chatplatform.domain.user;

import dev.chatplatform.domain.app.AppId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An end user (contact) of an application, identified by the id the client app chose. As with
 * messages, {@code updatedAt} is the version: the worker keeps a state only if it is newer.
 */
public record User(AppId appId, UserId id, UserName name, Phone phone, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static User register(AppId appId, UserId id, UserName name, Phone phone, Instant now) {
        return new User(appId, id, name, phone, now, now);
    }

    /** A PUT replaces name and phone (a missing phone clears it); creation time stays. */
    public User update(UserName newName, Phone newPhone, Instant now) {
        Instant version = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
        return new User(appId, id, newName, newPhone, createdAt, version);
    }

    public Optional<Phone> optionalPhone() {
        return Optional.ofNullable(phone);
    }

    public boolean isNewerThan(User other) {
        return updatedAt.isAfter(other.updatedAt);
    }
}
