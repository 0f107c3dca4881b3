package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.ReceiptStoreContract;
import dev.chatplatform.application.port.out.ReceiptStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeReceiptStoreTest extends ReceiptStoreContract {

    @Override
    protected ReceiptStore receiptStore() {
        return new FakeReceiptStore();
    }
}
