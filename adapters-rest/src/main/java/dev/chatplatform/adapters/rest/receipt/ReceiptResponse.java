package dev.chatplatform.adapters.rest.receipt;

import dev.chatplatform.domain.receipt.Receipt;

public record ReceiptResponse(String userId, long deliveredUpTo, long readUpTo) {

    public static ReceiptResponse from(Receipt receipt) {
        return new ReceiptResponse(receipt.user().value(), receipt.deliveredUpTo(), receipt.readUpTo());
    }
}
