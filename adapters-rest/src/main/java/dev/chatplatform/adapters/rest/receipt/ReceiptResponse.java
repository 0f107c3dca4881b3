package dev.chatplatform.adapters.rest.receipt;

import dev.chatplatform.domain.receipt.Receipt;

record ReceiptResponse(String userId, long deliveredUpTo, long readUpTo) {

    static ReceiptResponse from(Receipt receipt) {
        return new ReceiptResponse(receipt.user().value(), receipt.deliveredUpTo(), receipt.readUpTo());
    }
}
