package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.PersistenceTestApplication;
import dev.chatplatform.adapters.persistence.ThrowawayDatabase;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.application.contract.MessageStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
@DirtiesContext
class JdbcMessageStoreIT extends MessageStoreContract {

    private static final ThrowawayDatabase DATABASE = ThrowawayDatabase.create();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        DATABASE.register(properties);
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

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
