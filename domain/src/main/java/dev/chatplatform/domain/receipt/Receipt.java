package dev.chatplatform.domain.receipt;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one user of a chat has received and read it, as message numbers (0: nothing yet). Both
 * cursors only move forward and reading implies receiving, so merging two states is taking the
 * larger of each: states can be applied in any order, any number of times.
 */
public record Receipt(AppId appId, ChatNumber chat, UserId user, long deliveredUpTo, long readUpTo, Instant updatedAt) {

    public Receipt {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (deliveredUpTo < 0) {
            throw new InvalidValueException("delivered_up_to", "must be a message number, or 0");
        }
        if (readUpTo < 0) {
            throw new InvalidValueException("read_up_to", "must be a message number, or 0");
        }
        deliveredUpTo = Math.max(deliveredUpTo, readUpTo);
    }

    public static Receipt none(AppId appId, ChatNumber chat, UserId user, Instant now) {
        return new Receipt(appId, chat, user, 0, 0, now);
    }

    /** Moves the cursors that are given and ahead; a cursor behind is ignored, never an error. */
    public Receipt advance(Long delivered, Long read, Instant now) {
        long newRead = read == null ? readUpTo : Math.max(readUpTo, read);
        long newDelivered = Math.max(newRead, delivered == null ? deliveredUpTo : Math.max(deliveredUpTo, delivered));
        if (newDelivered == deliveredUpTo && newRead == readUpTo) {
            return this;
        }
        Instant version = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
        return new Receipt(appId, chat, user, newDelivered, newRead, version);
    }

    /** The larger of each cursor: what both states together say. */
    public Receipt merge(Receipt other) {
        if (!other.user.equals(user) || !other.chat.equals(chat) || !other.appId.equals(appId)) {
            throw new IllegalArgumentException("receipts of different users or chats");
        }
        Instant version = other.updatedAt.isAfter(updatedAt) ? other.updatedAt : updatedAt;
        return new Receipt(appId, chat, user, Math.max(deliveredUpTo, other.deliveredUpTo),
                Math.max(readUpTo, other.readUpTo), version);
    }

    /** Whether this state says nothing {@code other} does not say already. */
    public boolean isCoveredBy(Receipt other) {
        return other.deliveredUpTo >= deliveredUpTo && other.readUpTo >= readUpTo;
    }
}
