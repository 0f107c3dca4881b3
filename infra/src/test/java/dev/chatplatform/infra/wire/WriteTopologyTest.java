package dev.chatplatform.infra.wire;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class WriteTopologyTest {

    /**
     * The partition function is part of the wire contract: an API and a worker of different versions, or a queue
     * that still holds commands across an upgrade, must agree on it. These values must never change.
     */
    @Test
    void thePartitionOfAChatOrAUserIsFixedAcrossVersions() {
        assertThat(LongStream.rangeClosed(1, 6).mapToInt(chat -> WriteTopology.partition(1, chat, 2)).toArray())
                .containsExactly(0, 0, 0, 0, 0, 1);
        assertThat(LongStream.rangeClosed(1, 6).mapToInt(chat -> WriteTopology.partition(121, chat, 8)).toArray())
                .containsExactly(3, 5, 5, 6, 4, 5);
        assertThat(WriteTopology.partition(7, "alice", 2)).isZero();
        assertThat(WriteTopology.partition(7, "bob", 8)).isEqualTo(7);
        assertThat(WriteTopology.partition(7, 12, 1)).isZero();
    }

    @Test
    void chatsSpreadEvenlyOverThePartitions() {
        for (int partitions : new int[] {2, 3, 8}) {
            long[] counts = new long[partitions];
            for (long app = 1; app <= 10; app++) {
                for (long chat = 1; chat <= 1_000; chat++) {
                    counts[WriteTopology.partition(app, chat, partitions)]++;
                }
            }
            long fair = 10_000 / partitions;
            for (long count : counts) {
                assertThat(count).as("%d partitions", partitions).isBetween(fair * 9 / 10, fair * 11 / 10);
            }
        }
    }

    @Test
    void routingKeysEndWithTheirPartitionAndEnvelopesKeepIt() {
        assertThat(WriteTopology.routingKey(WriteTopology.MESSAGE_KEY, 1)).isEqualTo("message.1");
        assertThat(WriteTopology.envelopeKey("message.1")).isEqualTo("commands.1");
        assertThat(WriteTopology.envelopeKey("message")).isEqualTo("commands");
        assertThat(WriteTopology.persistQueues(2))
                .containsExactly("chat.writes.persist.0", "chat.writes.persist.1", "chat.writes.persist");
        assertThat(WriteTopology.partitionPattern(0)).isEqualTo("#.0");
    }
}
