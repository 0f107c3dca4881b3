package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ChatStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class ChatStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract ChatStore chatStore();

    private ChatStore store;

    private ChatStore subject() {
        if (store == null) {
            store = chatStore();
        }
        return store;
    }

    @Test
    void chatNeverSavedIsNotFound() {
        assertThat(subject().find(newApp(), ChatNumber.of(1))).isEmpty();
    }

    @Test
    void savedChatIsFoundAsItWasSaved() {
        AppId app = newApp();
        Chat titled = aChat().inApp(app).numbered(1).titled("Ünïcode 💬 title").build();
        Chat untitled = aChat().inApp(app).numbered(2).untitled().build();

        subject().saveAll(List.of(titled, untitled));

        assertThat(subject().find(app, ChatNumber.of(1))).contains(titled);
        assertThat(subject().find(app, ChatNumber.of(2))).contains(untitled);
    }

    @Test
    void savingTheSameStateAgainChangesNothing() {
        AppId app = newApp();
        Chat chat = aChat().inApp(app).build();

        subject().saveAll(List.of(chat));
        subject().saveAll(List.of(chat));
        subject().saveAll(List.of(chat, chat));

        assertThat(subject().find(app, chat.number())).contains(chat);
        assertThat(subject().page(app, ChatStore.InboxFilter.ALL, null, 10)).containsExactly(chat);
    }

    @Test
    void aNewerStateReplacesTheTitle() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).titled("Before").build();
        Chat retitled = opened.retitle(new ChatTitle("After"), secondsAfterT0(1));

        subject().saveAll(List.of(opened));
        subject().saveAll(List.of(retitled));

        assertThat(subject().find(app, opened.number())).contains(retitled);
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        AppId app = newApp();
        Chat opened = aChat().inApp(app).titled("Before").build();
        Chat retitled = opened.retitle(new ChatTitle("After"), secondsAfterT0(1));

        subject().saveAll(List.of(retitled));
        subject().saveAll(List.of(opened));

        assertThat(subject().find(app, opened.number())).contains(retitled);
    }

    @Test
    void withinOneBatchTheNewestStateWinsWhateverItsPlace() {
        AppId app = newApp();
        Chat first = aChat().inApp(app).numbered(1).titled("v1").build();
        Chat firstRetitled = first.retitle(new ChatTitle("v2"), secondsAfterT0(1));
        Chat second = aChat().inApp(app).numbered(2).titled("v1").build();
        Chat secondRetitled = second.retitle(new ChatTitle("v2"), secondsAfterT0(1));

        subject().saveAll(List.of(first, firstRetitled, secondRetitled, second));

        assertThat(subject().find(app, ChatNumber.of(1))).contains(firstRetitled);
        assertThat(subject().find(app, ChatNumber.of(2))).contains(secondRetitled);
    }

    @Test
    void inboxIsMostRecentActivityFirstThenNumberDescending() {
        AppId app = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(5)).build(),
                aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(3).createdAt(secondsAfterT0(5)).build(),
                aChat().inApp(app).numbered(4).createdAt(secondsAfterT0(3)).build()));

        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 10))).containsExactly(3L, 1L, 4L, 2L);
        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 2))).containsExactly(3L, 1L);
    }

    @Test
    void inboxPagesStartRightAfterTheGivenPosition() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (long n = 1; n <= 11; n++) {
            // Pairs of chats share an instant, so the number must break the tie.
            chats.add(aChat().inApp(app).numbered(n).createdAt(secondsAfterT0(n / 2)).build());
        }
        subject().saveAll(chats);

        List<Long> walked = new ArrayList<>();
        InboxPosition after = null;
        for (int pages = 0; pages < 20; pages++) {
            List<Chat> page = subject().page(app, ChatStore.InboxFilter.ALL, after, 3);
            walked.addAll(numbers(page));
            if (page.size() < 3) {
                break;
            }
            Chat last = page.getLast();
            after = new InboxPosition(last.activityAt(), last.number().value());
        }

        assertThat(walked).containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void retitlingDoesNotMoveAChatInTheInbox() {
        AppId app = newApp();
        Chat older = aChat().inApp(app).numbered(1).createdAt(secondsAfterT0(1)).build();
        Chat newer = aChat().inApp(app).numbered(2).createdAt(secondsAfterT0(2)).build();
        subject().saveAll(List.of(older, newer));

        subject().saveAll(List.of(older.retitle(new ChatTitle("Renamed"), secondsAfterT0(60))));

        assertThat(numbers(subject().page(app, ChatStore.InboxFilter.ALL, null, 10))).containsExactly(2L, 1L);
    }

    @Test
    void inboxShowsOnlyTheApplicationsOwnChats() {
        AppId app = newApp();
        AppId otherApp = newApp();
        subject().saveAll(List.of(
                aChat().inApp(app).numbered(1).build(),
                aChat().inApp(otherApp).numbered(1).titled("Theirs").build(),
                aChat().inApp(otherApp).numbered(2).build()));

        assertThat(subject().page(app, ChatStore.InboxFilter.ALL, null, 10)).extracting(Chat::appId).containsExactly(app);
        assertThat(subject().find(app, ChatNumber.of(2))).isEmpty();
    }

    private static List<Long> numbers(List<Chat> chats) {
        return chats.stream().map(c -> c.number().value()).toList();
    }
}
