package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.ChatStore.InboxSlot;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ChatSearchIndex}'s Javadoc promises, for the fake (the chat store's rows) and for Elasticsearch:
 * the chats whose own text holds q, case-insensitively as a substring, in inbox order, a page at a time.
 */
public abstract class ChatSearchIndexContract extends PortContract {

    /** The index under test; called once per test. */
    protected abstract ChatSearchIndex searchIndex();

    /** Makes these chats, as they are, what the index under test holds and searches (its own way of learning them). */
    protected abstract void given(List<Chat> chats);

    private ChatSearchIndex index;

    private ChatSearchIndex subject() {
        if (index == null) {
            index = searchIndex();
        }
        return index;
    }

    private List<Long> found(AppId app, String q, InboxPosition after, int limit) {
        List<InboxSlot> slots = subject().firstMatchingText(app, q, after, limit);
        assertThat(slots).allSatisfy(slot -> assertThat(slot.matchesText()).isTrue());
        return slots.stream().map(slot -> slot.chat().value()).toList();
    }

    @Test
    void aTitleHoldingQAnywhereInAnyCaseMatchesNewestActivityFirst() {
        AppId app = newApp();
        given(List.of(
                aChat().inApp(app).numbered(1).titled("Team lunch").createdAt(secondsAfterT0(1)).build(),
                aChat().inApp(app).numbered(2).titled("The TEAM standup").createdAt(secondsAfterT0(3)).build(),
                aChat().inApp(app).numbered(3).titled("Budget").createdAt(secondsAfterT0(2)).build()));

        assertThat(found(app, "team", null, 10)).containsExactly(2L, 1L);
        assertThat(found(app, "EAM ST", null, 10)).containsExactly(2L);
        assertThat(found(app, "ud", null, 10)).containsExactly(3L);
        assertThat(found(app, "e", null, 10)).containsExactly(2L, 3L, 1L);
        assertThat(found(app, "nowhere", null, 10)).isEmpty();
        assertThat(found(newApp(), "team", null, 10)).isEmpty();
    }

    @Test
    void pagesContinueAfterThePositionInActivityThenNumberOrder() {
        AppId app = newApp();
        List<Chat> chats = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            // Chats 4 and 5 share an activity: the higher number comes first.
            chats.add(aChat().inApp(app).numbered(i).titled("room " + i).createdAt(secondsAfterT0(i == 5 ? 4 : i)).build());
        }
        chats.add(aChat().inApp(app).numbered(8).titled("hall").createdAt(secondsAfterT0(9)).build());
        given(chats);

        assertThat(found(app, "room", null, 3)).containsExactly(7L, 6L, 5L);
        assertThat(found(app, "room", new InboxPosition(secondsAfterT0(4), 5), 3)).containsExactly(4L, 3L, 2L);
        assertThat(found(app, "room", new InboxPosition(secondsAfterT0(2), 2), 3)).containsExactly(1L);
        assertThat(found(app, "room", new InboxPosition(secondsAfterT0(1), 1), 3)).isEmpty();
    }

    @Test
    void aLaterStateOfAChatReplacesWhatItMatched() {
        AppId app = newApp();
        Chat before = aChat().inApp(app).numbered(1).titled("Old name").createdAt(secondsAfterT0(1))
                .updatedAt(secondsAfterT0(1)).build();
        given(List.of(before));
        assertThat(found(app, "old", null, 10)).containsExactly(1L);

        given(List.of(aChat().inApp(app).numbered(1).titled("New name").createdAt(secondsAfterT0(1))
                .updatedAt(secondsAfterT0(2)).build()));

        assertThat(found(app, "old", null, 10)).isEmpty();
        assertThat(found(app, "new", null, 10)).containsExactly(1L);
    }
}
