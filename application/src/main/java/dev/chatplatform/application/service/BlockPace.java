package dev.chatplatform.application.service;

import dev.chatplatform.application.port.out.NumberSequence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many numbers a sequence reserves at a time: a block that lasts about {@link #BLOCK_SECONDS} at the
 * pace the sequence is being used, so the next block's reservation (a MySQL commit, which takes 100-400 ms
 * while the worker loads MySQL) always starts well before the counter reaches its ceiling. A fixed block of
 * 1,000 lasted 0.4 s for an application creating 2,650 chats a second, and the requests that found it
 * exhausted waited for the reservation: a p99 of 150-1,000 ms (docs/performance.md, 2026-12-07).
 * <p>
 * The pace is measured between two background reservations of the same sequence in this process: the
 * numbers handed out between them over the time between them. A sequence used slowly keeps
 * the block of {@link NumberAllocator#BLOCK}; a faster one gets a larger block, at most {@link #MAX_BLOCK},
 * which is also the most numbers a sequence can skip when Redis loses its counter (decision 0002).
 */
final class BlockPace {

    /** How long a block should last at the sequence's pace. */
    static final long BLOCK_SECONDS = 4;
    /** The largest block: 16 s of 4,000 numbers a second. */
    static final long MAX_BLOCK = 64 * NumberAllocator.BLOCK;
    /** Past this many paced sequences, the ones that have not reserved for a while are forgotten. */
    private static final int MAX_TRACKED = 10_000;
    private static final long FORGET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LongSupplier nanoTime;
    private final boolean paced;
    /** Only sequences whose last reservation was paced: the others use {@link NumberAllocator#BLOCK}. */
    private final Map<NumberSequence, Mark> marks = new ConcurrentHashMap<>();

    BlockPace(LongSupplier nanoTime) {
        this(nanoTime, true);
    }

    private BlockPace(LongSupplier nanoTime, boolean paced) {
        this.nanoTime = nanoTime;
        this.paced = paced;
    }

    /** Every block {@link NumberAllocator#BLOCK}, however fast the sequence goes (tests of the block's arithmetic). */
    static BlockPace fixed() {
        return new BlockPace(System::nanoTime, false);
    }

    /** The block the sequence reserves at the moment. */
    long block(NumberSequence key) {
        Mark mark = marks.get(key);
        return mark == null ? NumberAllocator.BLOCK : mark.block();
    }

    /** Fewer numbers left than this under the ceiling: the next block is reserved in the background. */
    long lowWater(NumberSequence key) {
        return block(key) / 2;
    }

    /**
     * A background reservation of the sequence starts now, when it has handed out {@code number}: the block it
     * reserves, from the numbers handed out since the sequence's last one and the time they took. The first one
     * of a sequence in this process reserves {@link NumberAllocator#BLOCK}.
     */
    long startReservation(NumberSequence key, long number) {
        if (!paced) {
            return NumberAllocator.BLOCK;
        }
        long now = nanoTime.getAsLong();
        Mark next = marks.compute(key, (sequence, last) -> new Mark(now, number, last == null || number <= last.number()
                ? NumberAllocator.BLOCK : paced(number - last.number(), now - last.atNanos())));
        if (marks.size() > MAX_TRACKED) {
            marks.values().removeIf(mark -> now - mark.atNanos() > FORGET_AFTER_NANOS);
        }
        return next.block();
    }

    /** A block lasting {@link #BLOCK_SECONDS} at the pace of {@code used} numbers in {@code nanos}, in whole blocks. */
    static long paced(long used, long nanos) {
        double perSecond = used / Math.max(nanos / 1e9, 1e-3);
        long blocks = (long) Math.ceil(perSecond * BLOCK_SECONDS / NumberAllocator.BLOCK);
        return Math.clamp(blocks, 1, MAX_BLOCK / NumberAllocator.BLOCK) * NumberAllocator.BLOCK;
    }

    private record Mark(long atNanos, long number, long block) {
    }
}
