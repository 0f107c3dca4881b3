package dev.chatplatform.adapters.persistence.numbers;

import dev.chatplatform.adapters.persistence.PersistenceTestApplication;
import dev.chatplatform.adapters.persistence.ThrowawayDatabase;
import dev.chatplatform.application.contract.NumberReservationsContract;
import dev.chatplatform.application.port.out.NumberReservations;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
@DirtiesContext
class JdbcNumberReservationsIT extends NumberReservationsContract {

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
    private JdbcNumberReservations store;

    @Override
    protected NumberReservations reservations() {
        return store;
    }
}
