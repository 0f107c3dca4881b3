package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.RecentMessagesCacheContract;
import dev.chatplatform.application.port.out.RecentMessagesCache;

/** Holds the fake to the contract the Redis adapter is held to, so the two cannot drift apart. */
class FakeRecentMessagesCacheTest extends RecentMessagesCacheContract {

    @Override
    protected RecentMessagesCache recentMessagesCache() {
        return new FakeRecentMessagesCache();
    }
}
