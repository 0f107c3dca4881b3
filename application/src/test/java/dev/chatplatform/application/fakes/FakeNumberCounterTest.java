package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.NumberCounterContract;
import dev.chatplatform.application.port.out.NumberCounter;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeNumberCounterTest extends NumberCounterContract {

    @Override
    protected NumberCounter counter() {
        return new FakeNumberCounter();
    }
}
