package dev.chatplatform.adapters.rest.receipt;

import dev.chatplatform.domain.user.UserId;

/** The cursors are {@link Long}s so that the strict JSON rules apply: "5", 1.5 and true are a 400 naming the field. */
record ReceiptRequest(String userId, Long deliveredUpTo, Long readUpTo) {

    UserId validUser() {
        return UserId.parse(userId, "user_id");
    }
}
