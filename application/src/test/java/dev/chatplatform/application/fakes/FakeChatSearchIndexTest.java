package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.ChatSearchIndexContract;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.domain.chat.Chat;

import java.util.List;

/** The fake chat store is also the chat index: it must match as Elasticsearch does. */
class FakeChatSearchIndexTest extends ChatSearchIndexContract {

    private final FakeChatStore chats = new FakeChatStore();

    @Override
    protected ChatSearchIndex searchIndex() {
        return chats;
    }

    @Override
    protected void given(List<Chat> states) {
        chats.saveAll(states);
    }
}
