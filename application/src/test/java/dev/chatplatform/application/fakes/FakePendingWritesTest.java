package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.PendingWritesContract;
import dev.chatplatform.application.port.out.PendingWrites;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakePendingWritesTest extends PendingWritesContract {

    @Override
    protected PendingWrites pendingWrites() {
        return new FakePendingWrites();
    }
}
