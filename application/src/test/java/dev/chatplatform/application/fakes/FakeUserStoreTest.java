package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.UserStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.UserStore;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeUserStoreTest extends UserStoreContract {

    private final FakeUserStore users = new FakeUserStore();
    private final FakeChatStore chats = new FakeChatStore().withUsers(users);

    @Override
    protected UserStore userStore() {
        return users;
    }

    @Override
    protected ChatStore chatStore() {
        return chats;
    }
}
