package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.millisAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox queries' plans on a few thousand chats (3,000, a third of them alice's, two thirds with
 * messages, next to 3,000 chats of another application): each walks its index in inbox order from the
 * position, with no filesort, so a page costs the same at any depth. The plans (on MariaDB with the rows
 * each step really read) and the mean time of each query are printed for the record; the benchmark
 * measures them at full size. q is the exception by nature: its condition is checked row by row along
 * the index, so a rare q reads the whole inbox of the application.
 */
@PersistenceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxQueryPlansIT {

    private static final int CHATS = 3_000;

    @Autowired
    private JdbcChatStore chats;
    @Autowired
    private JdbcMessageStore messages;
    @Autowired
    private JdbcTemplate jdbc;

    private final AppId app = Apps.aRandomAppId();
    private InboxPosition deep;

    @BeforeAll
    void fewThousandChats() {
        for (AppId owner : List.of(app, Apps.aRandomAppId())) {
            List<Chat> batch = new ArrayList<>();
            List<Message> posted = new ArrayList<>();
            for (long n = 1; n <= CHATS; n++) {
                String[] participants = n % 3 == 0 ? new String[]{"alice", "user" + n} : new String[]{"bob", "user" + n};
                batch.add(aChat().inApp(owner).numbered(n).titled("Chat number " + n).withParticipants(participants)
                        .createdAt(millisAfterT0(n * 1000)).build());
                if (n % 3 != 1) {
                    posted.add(aMessage().in(owner, n).numbered(1).createdAt(millisAfterT0((CHATS + n * 7 % CHATS) * 1000L)).build());
                }
                if (batch.size() == 500) {
                    chats.saveAll(batch);
                    messages.saveAll(posted);
                    batch.clear();
                    posted.clear();
                }
            }
        }
        jdbc.execute("ANALYZE TABLE chats, chat_participants, messages");
        List<Chat> firstHalf = chats.page(app, InboxFilter.ALL, null, CHATS / 2);
        deep = new InboxPosition(firstHalf.getLast().activityAt(), firstHalf.getLast().number().value());
    }

    @Test
    void firstAndDeepPagesRangeScanTheInboxIndex() {
        assertWalksIndex("all, first page", InboxFilter.ALL, null, "c", "ix_chats_inbox");
        assertWalksIndex("all, deep page", InboxFilter.ALL, deep, "c", "ix_chats_inbox");
    }

    @Test
    void theParticipantFilterRangeScansItsOwnInboxIndex() {
        InboxFilter alice = new InboxFilter(null, Set.of(), new UserId("alice"));
        assertWalksIndex("participant, first page", alice, null, "p", "ix_chat_participants_inbox");
        assertWalksIndex("participant, deep page", alice, deep, "p", "ix_chat_participants_inbox");
        InboxFilter aliceAndText = new InboxFilter("number 1", Set.of(ChatNumber.of(5)), new UserId("alice"));
        assertWalksIndex("participant and q", aliceAndText, deep, "p", "ix_chat_participants_inbox");
    }

    @Test
    void theTextFilterChecksRowsAlongTheInboxIndex() {
        assertWalksIndex("q, first page", new InboxFilter("number 12", Set.of(), null), null, "c", "ix_chats_inbox");
        assertWalksIndex("q and mentions, deep page", new InboxFilter("number 12",
                Set.of(ChatNumber.of(7), ChatNumber.of(8), ChatNumber.of(2999)), null), deep, "c", "ix_chats_inbox");
        assertWalksIndex("q matching nothing", new InboxFilter("no such chat", Set.of(), null), null, "c", "ix_chats_inbox");
    }

    private void assertWalksIndex(String name, InboxFilter filter, InboxPosition after, String table, String index) {
        InboxQuery query = InboxQuery.of(app.value(), filter, after, 50);
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + query.sql(), query.args().toArray());
        for (int i = 0; i < 50; i++) {
            jdbc.queryForList(query.sql(), query.args().toArray());
        }
        if (String.valueOf(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB")) {
            jdbc.queryForList("ANALYZE " + query.sql(), query.args().toArray())
                    .forEach(row -> System.out.println("  ANALYZE " + row));
        }
        long started = System.nanoTime();
        int runs = 200;
        int found = 0;
        for (int i = 0; i < runs; i++) {
            found = jdbc.queryForList(query.sql(), query.args().toArray()).size();
        }
        double meanMillis = (System.nanoTime() - started) / 1e6 / runs;
        System.out.printf("PLAN %-28s %3d rows, mean %.2f ms%n", name, found, meanMillis);
        plan.forEach(row -> System.out.println("     " + row));

        Map<String, Object> driving = plan.getFirst();
        assertThat(driving.get("table")).as(name).isEqualTo(table);
        assertThat(driving.get("key")).as(name).isEqualTo(index);
        assertThat(String.valueOf(driving.get("Extra"))).as(name).doesNotContain("filesort");
        if (after != null) {
            // Seeks to the position rather than reading from the top of the inbox down to it.
            assertThat(driving.get("type")).as(name).isEqualTo("range");
        }
    }
}
