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

    /** A few thousand; -Dinbox.plans.chats=30000 for a closer look (slow to fill). */
    private static final int CHATS = Integer.getInteger("inbox.plans.chats", 3_000);

    @Autowired
    private JdbcChatStore chats;
    @Autowired
    private JdbcMessageStore messages;
    @Autowired
    private JdbcTemplate jdbc;
    private InboxPlan plan;

    private final AppId app = Apps.aRandomAppId();
    private InboxPosition deep;

    @BeforeAll
    void fewThousandChats() {
        plan = new InboxPlan(jdbc);
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
    void aWindowRangeScansTheInboxIndexFromThePositionTestingTextOnItsRows() {
        for (InboxFilter filter : List.of(new InboxFilter("chat number", Set.of(), null),
                new InboxFilter("chat number", Set.of(), new UserId("alice")))) {
            boolean byParticipant = filter.participant() != null;
            InboxQuery window = InboxQuery.window(app.value(), filter, deep, 200);
            Map<String, Object> driving = plan("window" + (byParticipant ? " of a participant" : ""), window).getFirst();
            assertThat(driving.get("table")).isEqualTo(byParticipant ? "p" : "c");
            assertThat(driving.get("key")).isEqualTo(byParticipant ? "ix_chat_participants_inbox" : "ix_chats_inbox");
            assertThat(driving.get("type")).isEqualTo("range");
            assertThat(String.valueOf(driving.get("Extra"))).doesNotContain("filesort");
            assertThat(jdbc.queryForList(window.sql(), window.args().toArray())).hasSize(200);
        }
    }

    @Test
    void theParticipantFilterRangeScansItsOwnInboxIndex() {
        InboxFilter alice = new InboxFilter(null, Set.of(), new UserId("alice"));
        assertWalksIndex("participant, first page", alice, null, "p", "ix_chat_participants_inbox");
        assertWalksIndex("participant, deep page", alice, deep, "p", "ix_chat_participants_inbox");
        InboxFilter aliceAndText = new InboxFilter("number 1", Set.of(ChatNumber.of(5)), new UserId("alice"));
        assertThat(plan.candidates(app.value(), aliceAndText, 50)).as("a user's inbox is scanned").isNull();
        assertWalksIndex("participant and q", aliceAndText, deep, "p", "ix_chat_participants_inbox");
    }

    @Test
    void aCommonQChecksRowsAlongTheInboxIndex() {
        InboxFilter common = new InboxFilter("chat number", Set.of(), null);
        assertThat(plan.candidates(app.value(), common, 50)).as("no short candidate list").isNull();
        assertWalksIndex("common q, first page", common, null, "c", "ix_chats_inbox");
        assertWalksIndex("common q and mentions, deep page", new InboxFilter("chat number",
                Set.of(ChatNumber.of(7), ChatNumber.of(8), ChatNumber.of(2999)), null), deep, "c", "ix_chats_inbox");
        InboxFilter short_ = new InboxFilter("12", Set.of(), null);
        assertThat(plan.candidates(app.value(), short_, 50)).as("shorter than a gram").isNull();
        assertWalksIndex("q of two characters", short_, null, "c", "ix_chats_inbox");
    }

    @Test
    void aRareQLooksUpItsFewCandidatesByPrimaryKey() {
        InboxFilter rare = new InboxFilter("number 1234", Set.of(ChatNumber.of(7)), null);
        Set<Long> candidates = plan.candidates(app.value(), rare, 50);
        assertThat(candidates).as("chats holding the rarest probed gram, and the mentioning one").isNotNull()
                .contains(1234L, 7L).hasSizeLessThanOrEqualTo(InboxPlan.MAX_CANDIDATES);
        InboxQuery scan = InboxQuery.of(app.value(), rare, null, 50);
        assertThat(chats.page(app, rare, null, 50)).as("the same chats as a scan finds")
                .isEqualTo(jdbc.query(scan.sql(), ChatRows.CHAT, scan.args().toArray())).isNotEmpty();
        assertLooksUp("rare q, first page", rare, candidates, null);
        assertLooksUp("rare q, deep page", rare, candidates, deep);
        InboxFilter nothing = new InboxFilter("no such chat", Set.of(), null);
        assertThat(plan.candidates(app.value(), nothing, 50)).as("a gram no chat has").isEmpty();
        time("q matching nothing (no query at all)", nothing, null);
    }

    private void assertLooksUp(String name, InboxFilter filter, Set<Long> candidates, InboxPosition after) {
        assertLooksUp(name, filter, candidates, after, false);
        // The statement the API runs: with what each chat's entry shows, copies on its own row (V5).
        assertLooksUp(name + ", shown", filter, candidates, after, true);
    }

    private void assertLooksUp(String name, InboxFilter filter, Set<Long> candidates, InboxPosition after, boolean shown) {
        InboxQuery query = InboxQuery.of(app.value(), filter, candidates, after, 50, shown);
        List<Map<String, Object>> plan = plan(name, query);
        assertThat(plan).as(name + ": chat rows only, nothing joined").hasSize(1);
        Map<String, Object> driving = plan.getFirst();
        time(name, filter, after);
        assertThat(driving.get("table")).as(name).isEqualTo("c");
        assertThat(driving.get("key")).as(name).isEqualTo("PRIMARY");
        assertThat(driving.get("type")).as(name).isEqualTo("range");
    }

    /** The mean time of the whole page call, candidates' probes included. */
    private void time(String name, InboxFilter filter, InboxPosition after) {
        for (int i = 0; i < 50; i++) {
            chats.page(app, filter, after, 50);
        }
        int runs = 200;
        long started = System.nanoTime();
        int found = 0;
        for (int i = 0; i < runs; i++) {
            found = chats.page(app, filter, after, 50).size();
        }
        System.out.printf("PAGE %-36s %3d chats, mean %.2f ms%n", name, found, (System.nanoTime() - started) / 1e6 / runs);
    }

    private List<Map<String, Object>> plan(String name, InboxQuery query) {
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + query.sql(), query.args().toArray());
        System.out.println("PLAN " + name);
        plan.forEach(row -> System.out.println("     " + row));
        if (String.valueOf(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB")) {
            jdbc.queryForList("ANALYZE " + query.sql(), query.args().toArray())
                    .forEach(row -> System.out.println("  ANALYZE " + row));
        }
        return plan;
    }

    private void assertWalksIndex(String name, InboxFilter filter, InboxPosition after, String table, String index) {
        assertWalksIndex(name, filter, after, table, index, false);
        // The statement the API runs: with what each chat's entry shows, copies on its own row (V5).
        assertWalksIndex(name + ", shown", filter, after, table, index, true);
    }

    private void assertWalksIndex(String name, InboxFilter filter, InboxPosition after, String table, String index,
                                  boolean shown) {
        InboxQuery query = InboxQuery.of(app.value(), filter, null, after, 50, shown);
        List<Map<String, Object>> plan = plan(name, query);
        long started = System.nanoTime();
        int runs = 200;
        int found = 0;
        for (int i = 0; i < runs; i++) {
            found = jdbc.queryForList(query.sql(), query.args().toArray()).size();
        }
        System.out.printf("QUERY %-35s %3d rows, mean %.2f ms%n", name, found, (System.nanoTime() - started) / 1e6 / runs);

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
