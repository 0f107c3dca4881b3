package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.util.List;
import java.util.Optional;

public interface UserStore {

    Optional<User> find(AppId app, UserId id);

    /**
     * Stores each state unless a newer one is stored already (the first created_at is kept), and keeps
     * what the inbox search knows about the users' chats (names, phones) current; idempotent.
     */
    void saveAll(List<User> users);
}
