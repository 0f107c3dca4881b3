package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.application.contract.ChatStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JdbcChatStoreIT extends ChatStoreContract {

    @Autowired
    private JdbcChatStore store;

    @Override
    protected ChatStore chatStore() {
        return store;
    }
}
