package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static dev.chatplatform.application.mothers.Users.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link UserStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class UserStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract UserStore userStore();

    /** The chat store over the same data, whose inbox search must know the users' names and phones. */
    protected abstract ChatStore chatStore();

    private UserStore store;
    private ChatStore chats;

    private UserStore subject() {
        if (store == null) {
            store = userStore();
        }
        return store;
    }

    private ChatStore chats() {
        if (chats == null) {
            chats = chatStore();
        }
        return chats;
    }

    @Test
    void userNeverSavedIsNotFound() {
        assertThat(subject().find(newApp(), new UserId("alice"))).isEmpty();
    }

    @Test
    void savedUserIsFoundAsItWasSaved() {
        AppId app = newApp();
        User withPhone = aUser().inApp(app).withId("alice").named("Ålice 🌸 O'Brien").withPhone("+4915112345678").build();
        User withoutPhone = aUser().inApp(app).withId("bob.b@example-1").named("Bob").withoutPhone().build();

        subject().saveAll(List.of(withPhone, withoutPhone));

        assertThat(subject().find(app, withPhone.id())).contains(withPhone);
        assertThat(subject().find(app, withoutPhone.id())).contains(withoutPhone);
    }

    @Test
    void userIdsAreComparedExactlyAndScopedByApplication() {
        AppId app = newApp();
        AppId otherApp = newApp();
        User lower = aUser().inApp(app).withId("alice").named("lower").build();
        User upper = aUser().inApp(app).withId("Alice").named("upper").build();
        subject().saveAll(List.of(lower, upper, aUser().inApp(otherApp).withId("carol").build()));

        assertThat(subject().find(app, new UserId("alice"))).contains(lower);
        assertThat(subject().find(app, new UserId("Alice"))).contains(upper);
        assertThat(subject().find(app, new UserId("ALICE"))).isEmpty();
        assertThat(subject().find(app, new UserId("carol"))).isEmpty();
    }

    @Test
    void savingTheSameStateAgainChangesNothing() {
        AppId app = newApp();
        User user = aUser().inApp(app).build();

        subject().saveAll(List.of(user));
        subject().saveAll(List.of(user, user));

        assertThat(subject().find(app, user.id())).contains(user);
    }

    @Test
    void aNewerStateReplacesNameAndPhoneAndKeepsTheCreationTime() {
        AppId app = newApp();
        User registered = aUser().inApp(app).named("Alice").withPhone("+4915112345678").build();
        User renamed = registered.update(new UserName("Alice B."), null, secondsAfterT0(5));

        subject().saveAll(List.of(registered));
        subject().saveAll(List.of(renamed));

        User stored = subject().find(app, registered.id()).orElseThrow();
        assertThat(stored).isEqualTo(renamed);
        assertThat(stored.phone()).as("a missing phone clears it").isNull();
        assertThat(stored.createdAt()).isEqualTo(registered.createdAt());
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        AppId app = newApp();
        User registered = aUser().inApp(app).named("Before").build();
        User renamed = registered.update(new UserName("After"), new Phone("+123456789"), secondsAfterT0(5));

        subject().saveAll(List.of(renamed));
        subject().saveAll(List.of(registered));

        assertThat(subject().find(app, registered.id())).contains(renamed);
    }

    @Test
    void withinOneBatchTheNewestStateWinsWhateverItsPlace() {
        AppId app = newApp();
        User alice = aUser().inApp(app).withId("alice").named("v1").build();
        User bob = aUser().inApp(app).withId("bob").named("v1").build();
        User aliceLater = alice.update(new UserName("v2"), null, secondsAfterT0(1));
        User bobLater = bob.update(new UserName("v2"), null, secondsAfterT0(1));

        subject().saveAll(List.of(aliceLater, alice, bob, bobLater));

        assertThat(subject().find(app, alice.id())).contains(aliceLater);
        assertThat(subject().find(app, bob.id())).contains(bobLater);
    }

    @Test
    void theFirstCreationTimeIsKeptWhicheverStateWins() {
        AppId app = newApp();
        // Two creates of one user raced: the later state wins, the earlier creation time stays.
        User first = aUser().inApp(app).named("First").createdAt(secondsAfterT0(1)).build();
        User second = aUser().inApp(app).named("Second").createdAt(secondsAfterT0(2)).build();

        subject().saveAll(List.of(second));
        subject().saveAll(List.of(first));

        User stored = subject().find(app, first.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo(new UserName("Second"));
        assertThat(stored.createdAt()).isEqualTo(secondsAfterT0(1));
        assertThat(stored.updatedAt()).isEqualTo(secondsAfterT0(2));
    }

    @Test
    void theInboxSearchFindsChatsByTheirParticipantsNamesAndPhones() {
        AppId app = newApp();
        chats().saveAll(List.of(
                aChat().inApp(app).numbered(1).untitled().withParticipants("alice", "bob").build(),
                aChat().inApp(app).numbered(2).untitled().withParticipants("bob").build(),
                aChat().inApp(app).numbered(3).untitled().withParticipants("carol").build()));

        subject().saveAll(List.of(
                aUser().inApp(app).withId("alice").named("Zoë WILLIAMS").withPhone("+4915112345678").build(),
                aUser().inApp(app).withId("bob").named("Bob").withPhone("+4420700000").build()));

        assertThat(inbox(app, "zoË w")).containsExactly(1L);
        assertThat(inbox(app, "51123")).containsExactly(1L);
        assertThat(inbox(app, "+44")).containsExactly(2L, 1L);
        assertThat(inbox(app, "carol")).as("an id is not a name").isEmpty();
    }

    @Test
    void theInboxSearchFollowsAUsersNewNameAndPhone() {
        AppId app = newApp();
        User alice = aUser().inApp(app).withId("alice").named("Alice Old").withPhone("+111111111").build();
        subject().saveAll(List.of(alice));
        chats().saveAll(List.of(aChat().inApp(app).numbered(1).untitled().withParticipants("alice").build()));
        assertThat(inbox(app, "old")).containsExactly(1L);

        subject().saveAll(List.of(alice.update(new UserName("Alice New"), new Phone("+222222222"), secondsAfterT0(5))));

        assertThat(inbox(app, "old")).isEmpty();
        assertThat(inbox(app, "+1111")).isEmpty();
        assertThat(inbox(app, "new")).containsExactly(1L);
        assertThat(inbox(app, "2222")).containsExactly(1L);
    }

    @Test
    void theInboxSearchSeesUsersSavedBeforeTheirChat() {
        AppId app = newApp();
        subject().saveAll(List.of(aUser().inApp(app).withId("dave").named("Dave Early").build()));

        chats().saveAll(List.of(aChat().inApp(app).numbered(4).titled("Plans").withParticipants("dave").build()));

        assertThat(inbox(app, "early")).containsExactly(4L);
        assertThat(inbox(app, "plans")).containsExactly(4L);
    }

    private List<Long> inbox(AppId app, String text) {
        return chats().page(app, new InboxFilter(text, Set.of(), null), null, 100).stream()
                .map(Chat::number).map(n -> n.value()).toList();
    }
}
