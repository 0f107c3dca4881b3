package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.NumberReservationsContract;
import dev.chatplatform.application.port.out.NumberReservations;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeNumberReservationsTest extends NumberReservationsContract {

    @Override
    protected NumberReservations reservations() {
        return new FakeNumberReservations();
    }
}
