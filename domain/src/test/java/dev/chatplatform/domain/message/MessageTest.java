package dev.chatplatform.domain.message;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.chatplatform.domain.message.MessageMother.POSTED;
import static dev.chatplatform.domain.message.MessageMother.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

class MessageTest {

    @Test
    void postedMessageIsCreatedAndUpdatedAtTheSameInstant() {
        Message message = Message.post(new AppId(1), ChatNumber.of(2), MessageNumber.of(3), new MessageBody("hi"), POSTED);

        assertThat(message.createdAt()).isEqualTo(POSTED);
        assertThat(message.updatedAt()).isEqualTo(POSTED);
    }

    @Test
    void editReplacesTheBodyAndKeepsTheIdentityAndCreation() {
        Message message = aMessage().number(7).body("before").build();
        Instant now = POSTED.plusSeconds(10);

        Message edited = message.edit(new MessageBody("after"), now);

        assertThat(edited.body()).isEqualTo(new MessageBody("after"));
        assertThat(edited.updatedAt()).isEqualTo(now);
        assertThat(edited).usingRecursiveComparison().ignoringFields("body", "updatedAt").isEqualTo(message);
    }

    @Test
    void editVersionIsStrictlyLaterEvenWhenTheClockDidNotMove() {
        Message message = aMessage().build();

        Message first = message.edit(new MessageBody("one"), POSTED);
        Message second = first.edit(new MessageBody("two"), POSTED);
        Message third = second.edit(new MessageBody("three"), POSTED);

        assertThat(first.updatedAt()).isAfter(message.updatedAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
        assertThat(third.updatedAt()).isAfter(second.updatedAt());
        assertThat(third.isNewerThan(second)).isTrue();
        assertThat(second.isNewerThan(third)).isFalse();
    }

    @Test
    void editVersionIsStrictlyLaterEvenWhenTheClockWentBack() {
        Message message = aMessage().updatedAt(POSTED.plusSeconds(3600)).build();

        Message edited = message.edit(new MessageBody("edited on a slow clock"), POSTED);

        assertThat(edited.updatedAt()).isAfter(message.updatedAt());
        assertThat(edited.isNewerThan(message)).isTrue();
    }

    @Test
    void editVersionStaysAtMillisecondPrecisionWhenTheClockDidNotMove() {
        // the version is stored and compared in milliseconds: a nanosecond bump would be lost in MySQL
        Message message = aMessage().build();

        Message edited = message.edit(new MessageBody("again"), POSTED);

        assertThat(edited.updatedAt().toEpochMilli()).isGreaterThan(message.updatedAt().toEpochMilli());
    }

    @Test
    void aStateIsNotNewerThanItself() {
        Message message = aMessage().build();

        assertThat(message.isNewerThan(message)).isFalse();
    }
}
