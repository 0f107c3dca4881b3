package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.contract.RecentMessagesCacheContract;
import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.application.mothers.Messages;
import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisRecentMessagesCacheIT extends RecentMessagesCacheContract {

    private static UnifiedJedis redis;
    private final List<AppId> extraApps = new ArrayList<>();

    @BeforeAll
    static void connect() {
        redis = RedisTestServer.connect();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void deleteEntries() {
        List<AppId> apps = new ArrayList<>(appsUsed());
        apps.addAll(extraApps);
        RedisTestServer.deleteKeys(redis, apps.stream().map(app -> "recent:*:" + app.value() + ":*").toList());
    }

    @Override
    protected RecentMessagesCache recentMessagesCache() {
        return new RedisRecentMessagesCache(redis);
    }

    @Test
    void entriesAndGenerationsExpireSoAnIdleChatCostsNothing() {
        AppId app = anApp();
        RedisRecentMessagesCache cache = new RedisRecentMessagesCache(redis);
        cache.invalidate(app, List.of(ChatNumber.of(1)));
        long generation = ((RecentMessagesCache.Miss) cache.lookup(app, ChatNumber.of(1))).generation();

        cache.fill(app, ChatNumber.of(1), generation, List.of(Messages.aMessage().in(app, 1).build()));

        assertThat(redis.ttl("recent:msgs:" + app.value() + ":1")).isBetween(1L, 3600L);
        assertThat(redis.ttl("recent:gen:" + app.value() + ":1")).isBetween(3601L, 24 * 3600L);
    }

    @Test
    void anUnreadableEntryIsAMissThatTheNextFillReplaces() {
        AppId app = anApp();
        RedisRecentMessagesCache cache = new RedisRecentMessagesCache(redis);
        redis.set("recent:msgs:" + app.value() + ":1", "{\"an\":\"older format\"}");

        RecentMessagesCache.Lookup lookup = cache.lookup(app, ChatNumber.of(1));

        assertThat(lookup).isEqualTo(new RecentMessagesCache.Miss(0));
        List<Message> newestFirst = List.of(Messages.aMessage().in(app, 1).build());
        cache.fill(app, ChatNumber.of(1), 0, newestFirst);
        assertThat(cache.lookup(app, ChatNumber.of(1))).isEqualTo(new RecentMessagesCache.Hit(newestFirst));
    }

    @Test
    void anEntryWrittenWithTextTimestampsStillReads() {
        AppId app = anApp();
        RedisRecentMessagesCache cache = new RedisRecentMessagesCache(redis);
        redis.set("recent:msgs:" + app.value() + ":1", """
                [{"number":3,"body":"older entry","sender":null,"created_at":"2026-12-01T10:00:00.123Z",
                  "updated_at":"2026-12-01T10:05:00.456Z","reaction_counts":{},"reaction_scores":{},"latest_reactions":[]}]""");

        RecentMessagesCache.Lookup lookup = cache.lookup(app, ChatNumber.of(1));

        assertThat(lookup).isEqualTo(new RecentMessagesCache.Hit(List.of(Messages.aMessage().in(app, 1).numbered(3)
                .withBody("older entry").createdAt(Instant.parse("2026-12-01T10:00:00.123Z"))
                .updatedAt(Instant.parse("2026-12-01T10:05:00.456Z")).build())));
    }

    @Test
    void instantsKeepTheirMillisecondsAndAnyFinerPart() {
        AppId app = anApp();
        RedisRecentMessagesCache cache = new RedisRecentMessagesCache(redis);
        List<Message> newestFirst = List.of(
                Messages.aMessage().in(app, 1).numbered(2).createdAt(Instant.parse("2026-12-01T10:00:00.123456789Z")).build(),
                Messages.aMessage().in(app, 1).numbered(1).createdAt(Instant.parse("1969-12-31T23:59:59.999Z"))
                        .updatedAt(Instant.parse("2026-12-01T10:00:00Z")).build());

        cache.fill(app, ChatNumber.of(1), 0, newestFirst);

        assertThat(cache.lookup(app, ChatNumber.of(1))).isEqualTo(new RecentMessagesCache.Hit(newestFirst));
        assertThat(redis.get("recent:msgs:" + app.value() + ":1")).contains("\"created_at\":-1").contains("\"updated_at\":1796119200000");
    }

    @Test
    void anUnreachableRedisIsADependencyFailureSoReadersGoToTheDatabase() {
        try (UnifiedJedis nowhere = RedisTestServer.unreachable()) {
            RedisRecentMessagesCache cache = new RedisRecentMessagesCache(nowhere);
            AppId app = anApp();

            assertThatThrownBy(() -> cache.lookup(app, ChatNumber.of(1))).isInstanceOf(DependencyUnavailableException.class);
            assertThatThrownBy(() -> cache.fill(app, ChatNumber.of(1), 0, List.of()))
                    .isInstanceOf(DependencyUnavailableException.class);
            assertThatThrownBy(() -> cache.invalidate(app, List.of(ChatNumber.of(1))))
                    .isInstanceOf(DependencyUnavailableException.class);
        } finally {
            Redis.forgetFailure();
        }
    }

    private AppId anApp() {
        AppId app = Apps.aRandomAppId();
        extraApps.add(app);
        return app;
    }
}
