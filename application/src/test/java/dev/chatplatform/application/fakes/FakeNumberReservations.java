package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class FakeNumberReservations implements NumberReservations {

    private final Map<NumberSequence, Long> reservations = new ConcurrentHashMap<>();
    private final Outage outage = new Outage("mysql");

    @Override
    public long reservedUpTo(NumberSequence key) {
        outage.check();
        return reservations.getOrDefault(key, 0L);
    }

    @Override
    public long reserveUpTo(NumberSequence key, long upTo) {
        outage.check();
        return reservations.merge(key, upTo, Math::max);
    }

    public Outage outage() {
        return outage;
    }
}
