package dev.chatplatform.application.service;

import dev.chatplatform.application.fakes.FakeNumberCounter;
import dev.chatplatform.application.fakes.FakeNumberReservations;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.app.AppId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static dev.chatplatform.application.service.NumberAllocator.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

class BlockPaceTest {

    private final AtomicLong now = new AtomicLong();
    private final BlockPace pace = new BlockPace(now::get);
    private final NumberSequence chats = NumberSequence.chatsOf(new AppId(7));

    @Test
    void aBlockLastsAboutFourSecondsAtTheSequencesPace() {
        assertThat(BlockPace.paced(BLOCK, TimeUnit.SECONDS.toNanos(100))).as("10 a second").isEqualTo(BLOCK);
        assertThat(BlockPace.paced(BLOCK, TimeUnit.MILLISECONDS.toNanos(400))).as("2,500 a second").isEqualTo(10 * BLOCK);
        assertThat(BlockPace.paced(10 * BLOCK, TimeUnit.MILLISECONDS.toNanos(3_900))).as("2,564 a second").isEqualTo(11 * BLOCK);
        assertThat(BlockPace.paced(BLOCK, 0)).as("however fast").isEqualTo(BlockPace.MAX_BLOCK);
    }

    @Test
    void theFirstReservationOfASequenceIsOneBlockAndTheNextFollowThePace() {
        assertThat(pace.lowWater(chats)).isEqualTo(BLOCK / 2);
        assertThat(pace.startReservation(chats, 501)).isEqualTo(BLOCK);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(400)); // 1,000 numbers in 0.4 s
        assertThat(pace.startReservation(chats, 1501)).isEqualTo(10 * BLOCK);
        assertThat(pace.block(chats)).isEqualTo(10 * BLOCK);
        assertThat(pace.lowWater(chats)).as("reserve again with half a block left").isEqualTo(5 * BLOCK);

        now.addAndGet(TimeUnit.SECONDS.toNanos(60)); // the sequence went quiet
        assertThat(pace.startReservation(chats, 7001)).isEqualTo(BLOCK);
    }

    @Test
    void aFastSequenceReservesLargerBlocksAheadSoItsRequestsNeverReserveThemselves() {
        FakeNumberCounter counter = new FakeNumberCounter();
        FakeNumberReservations reservations = new FakeNumberReservations();
        List<Long> reserved = new ArrayList<>();
        NumberAllocator numbers = new NumberAllocator(counter, reservations, task -> {
            task.run();
            reserved.add(reservations.reservedUpTo(chats));
        }, pace);
        numbers.open(chats);

        List<Long> handedOut = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            now.addAndGet(TimeUnit.MICROSECONDS.toNanos(400)); // 2,500 numbers a second
            handedOut.add(numbers.next(chats, () -> true, "application").number());
        }

        assertThat(handedOut).containsExactlyElementsOf(LongStream.rangeClosed(1, 30_000).boxed().toList());
        // 1,000 at first, then blocks of 4 s at 2,500 a second, each reserved with half a block to go.
        assertThat(reserved).containsExactly(2 * BLOCK, 12 * BLOCK, 22 * BLOCK, 32 * BLOCK, 42 * BLOCK);
        assertThat(reservations.reservedUpTo(chats)).as("at most a block and a half ahead").isLessThanOrEqualTo(30_000 + 15 * BLOCK);
    }
}
