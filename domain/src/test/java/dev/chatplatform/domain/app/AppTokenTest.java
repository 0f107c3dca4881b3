package dev.chatplatform.domain.app;

import dev.chatplatform.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppTokenTest {

    @Test
    void generatedTokenIs43UrlSafeCharacters() {
        for (int i = 0; i < 200; i++) {
            String value = AppToken.generate().value();

            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void generatedTokensDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(AppToken.generate().value())).as("token %d is new", i).isTrue();
        }
    }

    @Test
    void generatedTokenIsWellFormed() {
        AppToken token = AppToken.generate();

        assertThat(AppToken.isWellFormed(token.value())).isTrue();
        assertThat(new AppToken(token.value())).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "abcdefghijklmnopqrstuv", // 22, the shortest accepted
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", // 64, the longest
            "0123456789_-0123456789_-0123456789_-0123456"})
    void acceptsUrlSafeTokensOf22To64Characters(String value) {
        assertThat(AppToken.isWellFormed(value)).isTrue();
        assertThat(new AppToken(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "abcdefghijklmnopqrstu", // 21: too short
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_x", // 65: too long
            "abcdefghijklmnopqrstuv+", // standard base64, not url-safe
            "abcdefghijklmnopqrstuv/",
            "abcdefghijklmnopqrstuvw=", // padding
            "abcdefghijk lmnopqrstuvw",
            "abcdefghijklmnopqrstuvw\n",
            "abcdefghijklmnopqrstuvwé",
            "../../../../../../etc/passwd"})
    void rejectsValuesThatCannotBeTokensNamingTheTokenField(String value) {
        assertThat(AppToken.isWellFormed(value)).isFalse();
        assertThatThrownBy(() -> new AppToken(value))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("token"));
    }

    @Test
    void toStringNeverShowsTheWholeToken() {
        AppToken token = AppToken.generate();
        String shown = token.toString();

        assertThat(shown).doesNotContain(token.value());
        // not even a long run of it: at most the first few characters, enough to tell tokens apart in a log
        for (int start = 0; start + 8 <= token.value().length(); start++) {
            assertThat(shown).doesNotContain(token.value().substring(start, start + 8));
        }
        assertThat(token.masked()).doesNotContain(token.value());
    }

    @Test
    void toStringOfARecordHoldingATokenDoesNotLeakIt() {
        record Holder(AppToken token) {
        }
        AppToken token = AppToken.generate();

        assertThat(new Holder(token).toString()).doesNotContain(token.value());
    }
}
