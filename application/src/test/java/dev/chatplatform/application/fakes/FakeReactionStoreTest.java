package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.ReactionStoreContract;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReactionStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeReactionStoreTest extends ReactionStoreContract {

    private final FakeReactionStore reactions = new FakeReactionStore();
    private final FakeMessageStore messages = new FakeMessageStore(new FakeChatStore(), reactions);

    @Override
    protected ReactionStore reactionStore() {
        return reactions;
    }

    @Override
    protected MessageStore messageStore() {
        return messages;
    }
}
