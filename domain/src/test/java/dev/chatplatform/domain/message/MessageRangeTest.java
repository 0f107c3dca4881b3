package dev.chatplatform.domain.message;

import dev.chatplatform.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageRangeTest {

    /**
     * A time bound past what a DATETIME column holds is not compared as a time by the database (MariaDB
     * truncates it with a warning: since=+10000-01-01 found every message, until=+10000-01-01 none), so
     * it is refused naming the field instead of answering something else.
     */
    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+292278994-08-17T07:12:55.807Z"})
    void aTimeBoundOutsideYears1To9999IsRefusedNamingTheField(String timestamp) {
        Instant bound = Instant.parse(timestamp);

        assertThatThrownBy(() -> new MessageRange(null, null, bound, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("since"));
        assertThatThrownBy(() -> new MessageRange(null, null, null, bound))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("until"));
    }

    @Test
    void theFirstAndLastInstantsOfYears1To9999AreBounds() {
        Instant first = Instant.parse("0001-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59.999Z");

        assertThat(new MessageRange(null, null, first, last).since()).isEqualTo(first);
    }

    @Test
    void narrowingTakesTheNarrowerOfEachBoundAndKeepsABoundOnlyOneSideHas() {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-06-01T00:00:00Z");
        MessageRange a = new MessageRange(50L, 3L, t1, null);
        MessageRange b = new MessageRange(20L, 7L, t2, t2.plusSeconds(60));

        assertThat(a.narrowedTo(b)).isEqualTo(new MessageRange(20L, 7L, t2, t2.plusSeconds(60)));
        assertThat(b.narrowedTo(a)).isEqualTo(a.narrowedTo(b));
        assertThat(MessageRange.ALL.narrowedTo(a)).isEqualTo(a);
    }
}
