package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;

import java.util.Objects;

public interface PostReceiptUseCase {

    /**
     * Moves the user's delivered and read cursors forward (a cursor behind the current one is ignored)
     * and answers the cursors as they now are; queued durably, visible at once.
     */
    Receipt post(Command command);

    /** Either cursor may be missing ({@code null}): it stays where it is. */
    record Command(AppToken token, ChatNumber chat, UserId user, Long deliveredUpTo, Long readUpTo) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(user, "user");
            if (deliveredUpTo != null && deliveredUpTo < 0) {
                throw new dev.chatplatform.domain.InvalidValueException("delivered_up_to", "must be a message number, or 0");
            }
            if (readUpTo != null && readUpTo < 0) {
                throw new dev.chatplatform.domain.InvalidValueException("read_up_to", "must be a message number, or 0");
            }
        }
    }
}
