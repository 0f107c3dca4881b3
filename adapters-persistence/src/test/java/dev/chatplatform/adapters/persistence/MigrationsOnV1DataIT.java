package dev.chatplatform.adapters.persistence;

import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.adapters.persistence.chat.SearchText;
import dev.chatplatform.adapters.persistence.counts.CountChanges;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionSummary;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** Later migrations on a database that already holds V1 data: what was there stays readable, searchable and writable. */
class MigrationsOnV1DataIT {

    private static final String PROPERTY = "spring.datasource.hikari.data-source-properties.";

    private ThrowawayDatabase database;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void v1DatabaseWithData() {
        database = ThrowawayDatabase.create();
        Map<String, Object> properties = new HashMap<>();
        database.register((name, value) -> properties.put(name, value.get()));
        dataSource = new DriverManagerDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
        Properties connection = new Properties();
        properties.forEach((name, value) -> {
            if (name.startsWith(PROPERTY)) {
                connection.setProperty(name.substring(PROPERTY.length()), String.valueOf(value));
            }
        });
        dataSource.setConnectionProperties(connection);
        jdbc = new JdbcTemplate(dataSource);
        flyway().target("1").load().migrate();
        jdbc.update("INSERT INTO apps (id, token_hash, name, created_at, updated_at) VALUES (7, ?, 'Legacy', ?, ?)",
                new byte[32], "2026-01-01 00:00:00.000", "2026-01-01 00:00:00.000");
        jdbc.update("""
                INSERT INTO chats (app_id, number, title, messages_count, last_message_at, activity_at, created_at, updated_at)
                VALUES (7, 1, 'Weekend PLANS', 3, '2026-01-01 00:00:03.000', '2026-01-01 00:00:03.000',
                        '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000'),
                       (7, 2, NULL, 0, NULL, '2026-01-01 00:00:01.000', '2026-01-01 00:00:01.000', '2026-01-01 00:00:01.000')""");
        for (int n = 1; n <= 3; n++) {
            jdbc.update("INSERT INTO messages (app_id, chat_number, number, body, created_at, updated_at) VALUES (7, 1, ?, ?, ?, ?)",
                    n, "old message " + n, "2026-01-01 00:00:0" + n + ".000", "2026-01-01 00:00:0" + n + ".000");
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void v1ChatsAndMessagesAreReadableSearchableAndWritableAfterV2() {
        flyway().load().migrate();
        Db db = new Db(new DataSourceTransactionManager(dataSource));
        CountChanges countChanges = new CountChanges(jdbc);
        JdbcChatStore chats = new JdbcChatStore(jdbc, countChanges, new SearchText(jdbc), db);
        JdbcMessageStore messages = new JdbcMessageStore(jdbc, countChanges, db);
        AppId app = new AppId(7);

        Chat legacy = chats.find(app, ChatNumber.of(1)).orElseThrow();
        assertThat(legacy.participants()).isEmpty();
        assertThat(legacy.lastMessageNumber()).isEqualTo(3);
        assertThat(legacy.messagesCount()).isEqualTo(3);
        assertThat(chats.find(app, ChatNumber.of(2)).orElseThrow().lastMessageNumber()).isZero();
        assertThat(chats.page(app, new InboxFilter("end pla", Set.of(), null), null, 10))
                .extracting(c -> c.number().value()).containsExactly(1L);
        assertThat(chats.page(app, InboxFilter.ALL, null, 10)).extracting(c -> c.number().value()).containsExactly(1L, 2L);

        Message old = messages.find(app, ChatNumber.of(1), MessageNumber.of(2)).orElseThrow();
        assertThat(old.sender()).isNull();
        assertThat(old.reactions()).isEqualTo(ReactionSummary.EMPTY);

        messages.saveAll(List.of(aMessage().in(app, 2).numbered(1).sentBy("alice").createdAt(secondsAfterT0(0)).build()));
        assertThat(chats.find(app, ChatNumber.of(2)).orElseThrow().lastMessageNumber()).isEqualTo(1);
        assertThat(chats.page(app, InboxFilter.ALL, null, 10)).extracting(c -> c.number().value()).containsExactly(2L, 1L);
    }

    /** V7 copies each message's reaction summary onto its row; messages without reactions keep none. */
    @Test
    void v6ReactionSummariesAreOnTheirMessagesAfterV7() {
        flyway().target("6").load().migrate();
        String summary = "{\"counts\":{\"like\":2},\"scores\":{\"like\":5},\"latest\":[]}";
        jdbc.update("INSERT INTO message_reactions (app_id, chat_number, message_number, summary) VALUES (7, 1, 2, ?)", summary);
        flyway().load().migrate();
        JdbcMessageStore messages = new JdbcMessageStore(jdbc, new CountChanges(jdbc),
                new Db(new DataSourceTransactionManager(dataSource)));
        AppId app = new AppId(7);

        assertThat(messages.find(app, ChatNumber.of(1), MessageNumber.of(2)).orElseThrow().reactions().scores())
                .containsExactly(Map.entry("like", 5L));
        assertThat(messages.find(app, ChatNumber.of(1), MessageNumber.of(1)).orElseThrow().reactions())
                .isEqualTo(ReactionSummary.EMPTY);
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
