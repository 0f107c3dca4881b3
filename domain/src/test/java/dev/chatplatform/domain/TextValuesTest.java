package dev.chatplatform.domain;

import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.MessageBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** AppName, ChatTitle and MessageBody share one shape: required, not blank, at most N characters. */
class TextValuesTest {

    record TextValue(String field, int maxLength, Function<String, Object> create, Function<Object, String> value) {
        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<TextValue> textValues() {
        return Stream.of(
                new TextValue("name", 255, AppName::new, v -> ((AppName) v).value()),
                new TextValue("title", 255, ChatTitle::new, v -> ((ChatTitle) v).value()),
                new TextValue("body", 10_000, MessageBody::new, v -> ((MessageBody) v).value()));
    }

    static Stream<Arguments> blankTexts() {
        return textValues().flatMap(kind -> Stream.of("", " ", "   ", "\t", "\n", " \r\n\t ", "\u2003")
                .map(blank -> arguments(kind, blank)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void missingValueIsRejectedNamingTheField(TextValue kind) {
        assertThatThrownBy(() -> kind.create().apply(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(kind.field());
                    assertThat(e.reason()).isEqualTo("is required");
                });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("blankTexts")
    void blankValueIsRejectedNamingTheField(TextValue kind, String blank) {
        assertThatThrownBy(() -> kind.create().apply(blank))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(kind.field());
                    assertThat(e.reason()).contains("blank");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void valueOneOverTheMaximumIsRejectedNamingTheField(TextValue kind) {
        String tooLong = "a".repeat(kind.maxLength() + 1);

        assertThatThrownBy(() -> kind.create().apply(tooLong))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(kind.field());
                    assertThat(e.reason()).contains(String.valueOf(kind.maxLength()));
                    assertThat(e.getMessage()).startsWith(kind.field() + ":");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void valueOfExactlyTheMaximumIsAccepted(TextValue kind) {
        String longest = "a".repeat(kind.maxLength());

        assertThat(kind.value().apply(kind.create().apply(longest))).isEqualTo(longest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    void oneCharacterAndSurroundingSpacesAreKeptAsGiven(TextValue kind) {
        assertThat(kind.value().apply(kind.create().apply("x"))).isEqualTo("x");
        assertThat(kind.value().apply(kind.create().apply("  hi  "))).isEqualTo("  hi  ");
        assertThat(kind.value().apply(kind.create().apply("héllo 👋 世界"))).isEqualTo("héllo 👋 世界");
    }
}
