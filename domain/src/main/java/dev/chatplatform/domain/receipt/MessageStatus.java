package dev.chatplatform.domain.receipt;

import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.user.UserId;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A message's status, derived from the receipt cursors of everyone but its sender: no row per message
 * per recipient. "Everyone" is the chat's participants; a chat without participants counts the users
 * who sent receipts.
 */
public enum MessageStatus {
    SENT, DELIVERED, READ;

    public static MessageStatus of(Message message, Collection<UserId> participants, Map<UserId, Receipt> receipts) {
        Set<UserId> others = new LinkedHashSet<>(participants.isEmpty() ? receipts.keySet() : participants);
        if (message.sender() != null) {
            others.remove(message.sender());
        }
        if (others.isEmpty()) {
            return SENT;
        }
        long number = message.number().value();
        boolean allDelivered = true;
        boolean allRead = true;
        for (UserId other : others) {
            Receipt receipt = receipts.get(other);
            long delivered = receipt == null ? 0 : receipt.deliveredUpTo();
            long read = receipt == null ? 0 : receipt.readUpTo();
            allDelivered &= delivered >= number;
            allRead &= read >= number;
        }
        return allRead ? READ : allDelivered ? DELIVERED : SENT;
    }

    /** As the API spells it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
