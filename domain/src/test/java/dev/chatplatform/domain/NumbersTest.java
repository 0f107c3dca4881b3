package dev.chatplatform.domain;

import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumbersTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 1_000_000, Long.MAX_VALUE})
    void chatAndMessageNumbersStartAtOne(long value) {
        assertThat(ChatNumber.of(value).value()).isEqualTo(value);
        assertThat(MessageNumber.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void chatNumberBelowOneIsRejected(long value) {
        assertThatThrownBy(() -> ChatNumber.of(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void messageNumberBelowOneIsRejected(long value) {
        assertThatThrownBy(() -> MessageNumber.of(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }
}
