package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.PostReceiptUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.receipt.Receipt;

import java.time.Clock;
import java.time.Instant;

/**
 * Cursors move forward only: a receipt behind the current one answers the current cursors and queues
 * nothing. A cursor past the chat's newest message is refused, so a message cannot be "read" before
 * it exists.
 */
public final class PostReceiptService implements PostReceiptUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final Participants participants;
    private final AcceptedWrites writes;
    private final Clock clock;

    public PostReceiptService(AppTokenResolver tokens, ChatReads reads, Participants participants, WriteQueue queue,
                              PendingWrites pending, Clock clock) {
        this.tokens = tokens;
        this.reads = reads;
        this.participants = participants;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
    }

    @Override
    public Receipt post(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        participants.requireAdmitted(app, command.chat(), command.user(), "user_id");
        long newestNumber = reads.newestMessageNumber(app, command.chat());
        requireAtMost(command.deliveredUpTo(), newestNumber, "delivered_up_to");
        requireAtMost(command.readUpTo(), newestNumber, "read_up_to");
        Instant now = Timestamps.millis(clock.instant());
        Receipt current = reads.receipts(app, command.chat()).getOrDefault(command.user(),
                Receipt.none(app, command.chat(), command.user(), now));
        Receipt advanced = current.advance(command.deliveredUpTo(), command.readUpTo(), now);
        if (advanced == current) {
            return current;
        }
        return writes.accept(advanced);
    }

    private static void requireAtMost(Long cursor, long newest, String field) {
        if (cursor != null && cursor > newest) {
            throw new InvalidValueException(field, "is past the chat's newest message (" + newest + ")");
        }
    }
}
