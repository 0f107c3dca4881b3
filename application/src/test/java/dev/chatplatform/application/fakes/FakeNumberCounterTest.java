package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.NumberCounterContract;
import dev.chatplatform.application.port.out.NumberCounter;
import dev.chatplatform.application.port.out.NumberCounter.Allocation;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.app.AppId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds the fake to the contract the real adapter is held to, so the two cannot drift apart. */
class FakeNumberCounterTest extends NumberCounterContract {

    @Override
    protected NumberCounter counter() {
        return new FakeNumberCounter();
    }

    @Test
    void aClockSteppedBackStampsTheLastStampAgainUntilItPassesIt() {
        MutableClock clock = new MutableClock();
        FakeNumberCounter counter = new FakeNumberCounter(clock);
        NumberSequence key = NumberSequence.chatsOf(new AppId(1));
        counter.open(key, 100);
        long t0 = clock.millis();
        assertThat(counter.next(key)).isEqualTo(new Allocation.Allocated(1, t0));

        clock.advance(Duration.ofSeconds(-5));
        assertThat(counter.next(key)).isEqualTo(new Allocation.Allocated(2, t0));
        clock.advance(Duration.ofSeconds(6));
        assertThat(counter.next(key)).isEqualTo(new Allocation.Allocated(3, t0 + 1_000));
    }
}
