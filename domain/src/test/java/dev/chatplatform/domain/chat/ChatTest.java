package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.app.AppId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.chatplatform.domain.chat.ChatMother.CREATED;
import static dev.chatplatform.domain.chat.ChatMother.aChat;
import static org.assertj.core.api.Assertions.assertThat;

class ChatTest {

    @Test
    void openedChatHasNoMessagesAndIsItsOwnLatestActivity() {
        Chat chat = Chat.open(new AppId(3), ChatNumber.of(9), null, CREATED);

        assertThat(chat.messagesCount()).isZero();
        assertThat(chat.lastMessageAt()).isNull();
        assertThat(chat.optionalTitle()).isEmpty();
        assertThat(chat.createdAt()).isEqualTo(CREATED);
        assertThat(chat.updatedAt()).isEqualTo(CREATED);
        assertThat(chat.activityAt()).isEqualTo(CREATED);
    }

    @Test
    void retitleChangesOnlyTheTitleAndTheVersion() {
        Chat chat = aChat().number(4).messagesCount(12).lastMessageAt(CREATED.plusSeconds(30)).build();
        Instant now = CREATED.plusSeconds(60);

        Chat retitled = chat.retitle(new ChatTitle("Renamed"), now);

        assertThat(retitled.optionalTitle()).contains(new ChatTitle("Renamed"));
        assertThat(retitled.updatedAt()).isEqualTo(now);
        assertThat(retitled)
                .usingRecursiveComparison()
                .ignoringFields("title", "updatedAt")
                .isEqualTo(chat);
    }

    @Test
    void retitleVersionIsStrictlyLaterEvenWhenTheClockDidNotMove() {
        Chat chat = aChat().build();

        Chat first = chat.retitle(new ChatTitle("One"), chat.updatedAt());
        Chat second = first.retitle(new ChatTitle("Two"), chat.updatedAt());

        assertThat(first.updatedAt()).isAfter(chat.updatedAt());
        assertThat(second.updatedAt()).isAfter(first.updatedAt());
    }

    @Test
    void retitleVersionIsStrictlyLaterEvenWhenTheClockWentBack() {
        Chat chat = aChat().updatedAt(CREATED.plusSeconds(3600)).build();

        Chat retitled = chat.retitle(new ChatTitle("Back in time"), CREATED);

        assertThat(retitled.updatedAt()).isAfter(chat.updatedAt());
        assertThat(retitled.createdAt()).isEqualTo(chat.createdAt());
    }

    @Test
    void activityIsTheLastMessageWhenThereIsOne() {
        Instant lastMessage = CREATED.plusSeconds(90);

        assertThat(aChat().lastMessageAt(lastMessage).build().activityAt()).isEqualTo(lastMessage);
    }

    @Test
    void activityIsTheCreationWithoutMessages() {
        assertThat(aChat().build().activityAt()).isEqualTo(CREATED);
    }

    @Test
    void activityNeverPrecedesTheCreation() {
        // a skewed clock on another API instance can stamp a message before the chat's own creation
        assertThat(aChat().lastMessageAt(CREATED.minusMillis(5)).build().activityAt()).isEqualTo(CREATED);
    }

    @Test
    void untitledChatHasNoTitle() {
        assertThat(aChat().untitled().build().optionalTitle()).isEmpty();
    }
}
