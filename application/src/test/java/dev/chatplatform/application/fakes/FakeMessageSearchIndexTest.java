package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.MessageSearchIndexContract;
import dev.chatplatform.application.port.out.MessageSearchIndex;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeMessageSearchIndexTest extends MessageSearchIndexContract {

    @Override
    protected MessageSearchIndex searchIndex() {
        return new FakeMessageSearchIndex();
    }
}
