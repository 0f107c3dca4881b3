package dev.chatplatform.domain.user;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.reaction.ReactionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice.Smith@example.com", "user_42-x", "0123456789012345678901234567890123456789012345678901234567890123"})
    void validUserIds(String id) {
        assertThat(new UserId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ali ce", "ali/ce", "über", "01234567890123456789012345678901234567890123456789012345678901234"})
    void invalidUserIdsNameTheFieldTheCallerUsed(String id) {
        assertThatThrownBy(() -> UserId.parse(id, "sender"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("sender"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+123456", "+491511234567", "+123456789012345"})
    void validPhones(String phone) {
        assertThat(new Phone(phone).value()).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "+12345", "+1234567890123456", "+49 151 123", "+49-151-1234", "phone"})
    void invalidPhones(String phone) {
        assertThatThrownBy(() -> new Phone(phone))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Like", "thumbs up", "", "a23456789012345678901234567890123", "😀"})
    void invalidReactionTypes(String type) {
        assertThatThrownBy(() -> new ReactionType(type))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void aParticipantListedTwiceIsNamedByPosition() {
        assertThatThrownBy(() -> Chat.open(new AppId(1), ChatNumber.of(1), null,
                List.of(new UserId("a"), new UserId("b"), new UserId("a")), Instant.EPOCH))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("participants[2]"));
    }

    @Test
    void anOpenChatAdmitsAnyoneAndAChatWithParticipantsOnlyThem() {
        Chat open = Chat.open(new AppId(1), ChatNumber.of(1), null, Instant.EPOCH);
        Chat direct = Chat.open(new AppId(1), ChatNumber.of(2), null, List.of(new UserId("a"), new UserId("b")), Instant.EPOCH);

        assertThat(open.admits(new UserId("z"))).isTrue();
        assertThat(direct.admits(new UserId("a"))).isTrue();
        assertThat(direct.admits(new UserId("z"))).isFalse();
    }
}
