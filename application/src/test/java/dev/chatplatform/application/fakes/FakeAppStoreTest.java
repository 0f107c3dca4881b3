package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.AppStoreContract;
import dev.chatplatform.application.port.out.AppStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeAppStoreTest extends AppStoreContract {

    @Override
    protected AppStore appStore() {
        return new FakeAppStore();
    }
}
