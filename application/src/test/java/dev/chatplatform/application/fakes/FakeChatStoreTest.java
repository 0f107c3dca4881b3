package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.ChatStoreContract;
import dev.chatplatform.application.port.out.ChatStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeChatStoreTest extends ChatStoreContract {

    @Override
    protected ChatStore chatStore() {
        return new FakeChatStore();
    }
}
