package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.NumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link NumberReservations}' Javadoc promises, for the fake and for MySQL. */
public abstract class NumberReservationsContract extends PortContract {

    /** The reservations under test; called once per test. */
    protected abstract NumberReservations reservations();

    private NumberReservations reservations;

    private NumberReservations subject() {
        if (reservations == null) {
            reservations = reservations();
        }
        return reservations;
    }

    @Test
    void sequenceNeverReservedIsReservedUpToZero() {
        assertThat(subject().reservedUpTo(NumberSequence.chatsOf(newApp()))).isZero();
    }

    @Test
    void reservingRaisesTheMarkAndAnswersTheStoredValue() {
        NumberSequence key = NumberSequence.chatsOf(newApp());

        assertThat(subject().reserveUpTo(key, 2000)).isEqualTo(2000);
        assertThat(subject().reserveUpTo(key, 3000)).isEqualTo(3000);
        assertThat(subject().reservedUpTo(key)).isEqualTo(3000);
    }

    @Test
    void aLowerReservationNeverLowersTheMark() {
        NumberSequence key = NumberSequence.chatsOf(newApp());
        subject().reserveUpTo(key, 5000);

        assertThat(subject().reserveUpTo(key, 2000)).isEqualTo(5000);
        assertThat(subject().reservedUpTo(key)).isEqualTo(5000);
    }

    @Test
    void sequencesAreReservedIndependently() {
        NumberSequence chats = NumberSequence.chatsOf(newApp());
        NumberSequence messagesOfChat7 = new NumberSequence(chats.app(), 7);
        NumberSequence otherApp = NumberSequence.chatsOf(newApp());

        subject().reserveUpTo(chats, 2000);
        subject().reserveUpTo(messagesOfChat7, 9000);

        assertThat(subject().reservedUpTo(chats)).isEqualTo(2000);
        assertThat(subject().reservedUpTo(messagesOfChat7)).isEqualTo(9000);
        assertThat(subject().reservedUpTo(otherApp)).isZero();
    }

    @Test
    void concurrentReservationsEndAtTheHighestAndEachAnswersAtLeastItsOwn() throws Exception {
        NumberSequence key = NumberSequence.chatsOf(newApp());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (t + 1) * 1000L;
                results.add(pool.submit(() -> {
                    start.await();
                    long[] answers = new long[10];
                    for (int i = 0; i < answers.length; i++) {
                        long asked = base + i * 10_000L;
                        answers[i] = subject().reserveUpTo(key, asked);
                        assertThat(answers[i]).isGreaterThanOrEqualTo(asked);
                    }
                    return answers;
                }));
            }
            start.countDown();
            for (Future<long[]> result : results) {
                result.get();
            }

            assertThat(subject().reservedUpTo(key)).isEqualTo(8000 + 9 * 10_000L);
        } finally {
            pool.shutdownNow();
        }
    }
}
