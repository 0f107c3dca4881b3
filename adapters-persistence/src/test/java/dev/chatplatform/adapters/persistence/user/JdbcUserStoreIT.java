package dev.chatplatform.adapters.persistence.user;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.application.contract.UserStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.UserStore;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JdbcUserStoreIT extends UserStoreContract {

    @Autowired
    private JdbcUserStore users;

    @Autowired
    private JdbcChatStore chats;

    @Override
    protected UserStore userStore() {
        return users;
    }

    @Override
    protected ChatStore chatStore() {
        return chats;
    }
}
