package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.SequenceCounterContract;
import dev.chatplatform.application.port.out.SequenceCounter;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeSequenceCounterTest extends SequenceCounterContract {

    @Override
    protected SequenceCounter counter() {
        return new FakeSequenceCounter();
    }
}
