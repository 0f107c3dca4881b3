package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.PersistenceTestApplication;
import dev.chatplatform.adapters.persistence.ThrowawayDatabase;
import dev.chatplatform.application.contract.ChatStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
@DirtiesContext
class JdbcChatStoreIT extends ChatStoreContract {

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
    private JdbcChatStore store;

    @Override
    protected ChatStore chatStore() {
        return store;
    }
}
