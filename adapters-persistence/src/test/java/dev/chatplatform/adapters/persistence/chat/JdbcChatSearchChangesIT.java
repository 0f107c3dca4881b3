package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.adapters.persistence.receipt.JdbcReceiptStore;
import dev.chatplatform.adapters.persistence.user.JdbcUserStore;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;
import dev.chatplatform.domain.app.AppId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Optional;

import static dev.chatplatform.application.mothers.Apps.aRandomAppId;
import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Receipts.aReceipt;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static dev.chatplatform.application.mothers.Users.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triggers of V6 record a chat as changed whoever writes what its search document holds (its search text,
 * its activity), with a revision that only grows; the indexer forgets only what it indexed.
 */
@PersistenceIT
class JdbcChatSearchChangesIT {

    @Autowired
    private JdbcChatSearchChanges changes;

    @Autowired
    private JdbcChatStore chats;

    @Autowired
    private JdbcMessageStore messages;

    @Autowired
    private JdbcUserStore users;

    @Autowired
    private JdbcReceiptStore receipts;

    private Optional<ChatSearchEntry> changed(AppId app) {
        return changes.changed(100_000).stream().filter(entry -> entry.app().equals(app)).findFirst();
    }

    private ChatSearchEntry indexed(AppId app) {
        ChatSearchEntry entry = changed(app).orElseThrow();
        changes.forget(List.of(entry));
        assertThat(changed(app)).isEmpty();
        return entry;
    }

    @Test
    void everyWriterOfTheTextOrTheActivityMarksTheChatWithAGrowingRevision() {
        AppId app = aRandomAppId();
        users.saveAll(List.of(aUser().inApp(app).withId("alice").named("Alice Okafor").withPhone("+15550001").build()));
        chats.saveAll(List.of(aChat().inApp(app).numbered(1).titled("Team Lunch").withParticipants("alice")
                .createdAt(secondsAfterT0(1)).build()));
        ChatSearchEntry created = indexed(app);
        assertThat(created.searchText()).contains("team lunch").contains("alice okafor").contains("+15550001");
        assertThat(created.activityAt()).isEqualTo(secondsAfterT0(1));

        messages.saveAll(List.of(aMessage().in(app, 1).numbered(1).sentBy("alice").createdAt(secondsAfterT0(5)).build()));
        ChatSearchEntry posted = indexed(app);
        assertThat(posted.activityAt()).isEqualTo(secondsAfterT0(5));
        assertThat(posted.revision()).isGreaterThan(created.revision());

        users.saveAll(List.of(aUser().inApp(app).withId("alice").named("Alice Renamed").withPhone("+15550001")
                .updatedAt(secondsAfterT0(6)).build()));
        ChatSearchEntry renamed = indexed(app);
        assertThat(renamed.searchText()).contains("alice renamed").doesNotContain("okafor");
        assertThat(renamed.revision()).isGreaterThan(posted.revision());

        receipts.saveAll(List.of(aReceipt().in(app, 1).of("alice").readUpTo(1).updatedAt(secondsAfterT0(7)).build()));
        assertThat(changed(app)).as("a receipt changes nothing the document holds").isEmpty();
    }

    @Test
    void aChangeRecordedAfterTheIndexerReadTheChatIsNotForgotten() {
        AppId app = aRandomAppId();
        chats.saveAll(List.of(aChat().inApp(app).numbered(1).titled("First").createdAt(secondsAfterT0(1)).build()));
        ChatSearchEntry read = changed(app).orElseThrow();

        messages.saveAll(List.of(aMessage().in(app, 1).numbered(1).createdAt(secondsAfterT0(9)).build()));
        changes.forget(List.of(read));

        assertThat(changed(app)).hasValueSatisfying(entry -> {
            assertThat(entry.activityAt()).isEqualTo(secondsAfterT0(9));
            assertThat(entry.revision()).isGreaterThan(read.revision());
        });
    }
}
