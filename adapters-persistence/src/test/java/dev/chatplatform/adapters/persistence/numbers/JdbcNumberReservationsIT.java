package dev.chatplatform.adapters.persistence.numbers;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.application.contract.NumberReservationsContract;
import dev.chatplatform.application.port.out.NumberReservations;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JdbcNumberReservationsIT extends NumberReservationsContract {

    @Autowired
    private JdbcNumberReservations store;

    @Override
    protected NumberReservations reservations() {
        return store;
    }
}
