package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Queues the increment, not the total: concurrent claps of one user add up in the worker, which
 * applies each event id once. The answer's total is the current one plus this increment, as this
 * caller can see it.
 */
public final class AddReactionService implements AddReactionUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final Participants participants;
    private final AcceptedWrites writes;
    private final Clock clock;
    private final Supplier<String> eventIds;

    public AddReactionService(AppTokenResolver tokens, ChatReads reads, Participants participants, WriteQueue queue,
                              PendingWrites pending, Clock clock) {
        this(tokens, reads, participants, queue, pending, clock, () -> UUID.randomUUID().toString());
    }

    AddReactionService(AppTokenResolver tokens, ChatReads reads, Participants participants, WriteQueue queue,
                       PendingWrites pending, Clock clock, Supplier<String> eventIds) {
        this.tokens = tokens;
        this.reads = reads;
        this.participants = participants;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
        this.eventIds = eventIds;
    }

    @Override
    public Reaction add(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        participants.requireAdmitted(app, command.chat(), command.user(), "user_id");
        if (!reads.messageExists(app, command.chat(), command.message())) {
            throw new NotFoundException("message");
        }
        ReactionAdded event = new ReactionAdded(eventIds.get(), app, command.chat(), command.message(), command.user(),
                command.type(), command.score(), Timestamps.millis(clock.instant()));
        Reaction before = reads.reaction(app, command.chat(), event.key()).orElse(null);
        Reaction after = event.applyTo(before);
        return writes.accept(event, after);
    }
}
