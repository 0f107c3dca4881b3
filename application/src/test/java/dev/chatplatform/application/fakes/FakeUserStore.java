package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users table in memory: a newer updated_at wins, the first created_at stays. */
public final class FakeUserStore implements UserStore {

    private final Map<Key, User> rows = new HashMap<>();
    private final Outage outage = new Outage("mysql");

    @Override
    public synchronized Optional<User> find(AppId app, UserId id) {
        outage.check();
        return stored(app, id);
    }

    @Override
    public synchronized void saveAll(List<User> users) {
        outage.check();
        for (User user : users) {
            rows.merge(new Key(user.appId(), user.id()), user, (stored, saved) -> saved.isNewerThan(stored)
                    ? new User(saved.appId(), saved.id(), saved.name(), saved.phone(),
                    stored.createdAt().isBefore(saved.createdAt()) ? stored.createdAt() : saved.createdAt(),
                    saved.updatedAt())
                    : stored);
        }
    }

    synchronized Optional<User> stored(AppId app, UserId id) {
        return Optional.ofNullable(rows.get(new Key(app, id)));
    }

    public Outage outage() {
        return outage;
    }

    private record Key(AppId app, UserId id) {
    }
}
