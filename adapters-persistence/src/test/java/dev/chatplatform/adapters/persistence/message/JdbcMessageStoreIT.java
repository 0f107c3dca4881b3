package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.application.contract.MessageStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JdbcMessageStoreIT extends MessageStoreContract {

    @Autowired
    private JdbcMessageStore messages;

    @Autowired
    private JdbcChatStore chats;

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    @Override
    protected ChatStore chatStore() {
        return chats;
    }
}
