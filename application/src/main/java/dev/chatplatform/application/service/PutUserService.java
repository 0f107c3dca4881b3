package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * PUT semantics: the request is the user's whole state. Whether it answers "created" is decided by
 * what the caller can read at that moment; two concurrent first PUTs of one user may both say so,
 * and the worker keeps the later state either way.
 */
public final class PutUserService implements PutUserUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final AcceptedWrites writes;
    private final Clock clock;

    public PutUserService(AppTokenResolver tokens, ChatReads reads, WriteQueue queue, PendingWrites pending, Clock clock) {
        this.tokens = tokens;
        this.reads = reads;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
    }

    @Override
    public Result put(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        Instant now = Timestamps.millis(clock.instant());
        Optional<User> existing = reads.user(app, command.id());
        User user = existing
                .map(current -> current.update(command.name(), command.phone(), now))
                .orElseGet(() -> User.register(app, command.id(), command.name(), command.phone(), now));
        writes.accept(user);
        return new Result(user, existing.isEmpty());
    }
}
