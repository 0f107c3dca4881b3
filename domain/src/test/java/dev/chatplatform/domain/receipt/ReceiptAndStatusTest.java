package dev.chatplatform.domain.receipt;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptAndStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final UserId ALICE = new UserId("alice");
    private static final UserId BOB = new UserId("bob");
    private static final UserId CAROL = new UserId("carol");

    @Test
    void readingImpliesReceiving() {
        assertThat(receipt(BOB, 1, 5).deliveredUpTo()).isEqualTo(5);
        assertThat(receipt(BOB, 0, 0).advance(null, 4L, T0).deliveredUpTo()).isEqualTo(4);
    }

    @Test
    void cursorsNeverMoveBackwards() {
        Receipt current = receipt(BOB, 8, 6);

        assertThat(current.advance(3L, 2L, T0.plusSeconds(1))).isSameAs(current);
        assertThat(current.advance(9L, 2L, T0.plusSeconds(1))).extracting(Receipt::deliveredUpTo, Receipt::readUpTo)
                .containsExactly(9L, 6L);
    }

    @Test
    void mergingTakesTheLargerOfEachCursorInAnyOrder() {
        Receipt a = receipt(BOB, 9, 2);
        Receipt b = receipt(BOB, 4, 4);

        assertThat(a.merge(b)).extracting(Receipt::deliveredUpTo, Receipt::readUpTo).containsExactly(9L, 4L);
        assertThat(b.merge(a)).extracting(Receipt::deliveredUpTo, Receipt::readUpTo).containsExactly(9L, 4L);
        assertThat(b.isCoveredBy(a.merge(b))).isTrue();
        assertThat(a.merge(b).isCoveredBy(b)).isFalse();
    }

    @Test
    void statusCountsEveryParticipantButTheSender() {
        Message third = message(3, ALICE);
        List<UserId> participants = List.of(ALICE, BOB, CAROL);

        assertThat(MessageStatus.of(third, participants, Map.of())).isEqualTo(MessageStatus.SENT);
        assertThat(MessageStatus.of(third, participants, Map.of(BOB, receipt(BOB, 3, 3)))).isEqualTo(MessageStatus.SENT);
        assertThat(MessageStatus.of(third, participants, Map.of(BOB, receipt(BOB, 3, 3), CAROL, receipt(CAROL, 5, 2))))
                .isEqualTo(MessageStatus.DELIVERED);
        assertThat(MessageStatus.of(third, participants, Map.of(BOB, receipt(BOB, 3, 3), CAROL, receipt(CAROL, 5, 3))))
                .isEqualTo(MessageStatus.READ);
        assertThat(MessageStatus.READ.wireName()).isEqualTo("read");
    }

    @Test
    void aChatWithoutParticipantsCountsWhoeverSentReceipts() {
        Message first = message(1, null);

        assertThat(MessageStatus.of(first, List.of(), Map.of())).isEqualTo(MessageStatus.SENT);
        assertThat(MessageStatus.of(first, List.of(), Map.of(BOB, receipt(BOB, 1, 1)))).isEqualTo(MessageStatus.READ);
        assertThat(MessageStatus.of(message(1, BOB), List.of(), Map.of(BOB, receipt(BOB, 1, 1)))).isEqualTo(MessageStatus.SENT);
    }

    private static Receipt receipt(UserId user, long delivered, long read) {
        return new Receipt(new AppId(1), ChatNumber.of(1), user, delivered, read, T0);
    }

    private static Message message(long number, UserId sender) {
        return Message.post(new AppId(1), ChatNumber.of(1), MessageNumber.of(number), new MessageBody("x"), sender, T0);
    }
}
