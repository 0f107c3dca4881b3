package dev.chatplatform.infra.redis;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.contract.PendingWritesContract;
import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;
import dev.chatplatform.infra.wire.WriteCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.application.mothers.Times.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisPendingWritesIT extends PendingWritesContract {

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
    void deletePendingWrites() {
        List<AppId> apps = new ArrayList<>(appsUsed());
        apps.addAll(extraApps);
        RedisTestServer.deleteKeys(redis, apps.stream().map(app -> "pending:*:" + app.value() + ":*").toList());
    }

    @Override
    protected PendingWrites pendingWrites() {
        return new RedisPendingWrites(redis, RedisTestPipelines.of(redis), new WriteCodec());
    }

    @Test
    void everyPendingEntryExpiresAsABackstop() {
        AppId app = anApp();
        PendingWrites pending = pendingWrites();
        pending.put(User.register(app, new UserId("alice"), new UserName("Alice"), null, T0));
        pending.put(new Reaction(app, ChatNumber.of(1), MessageNumber.of(1), new UserId("alice"), new ReactionType("clap"),
                1, T0, T0));
        pending.put(new Receipt(app, ChatNumber.of(1), new UserId("alice"), 1, 1, T0));

        for (String key : List.of("pending:user:" + app.value() + ":alice", "pending:reaction:" + app.value() + ":1",
                "pending:receipt:" + app.value() + ":1")) {
            assertThat(redis.ttl(key)).as(key).isBetween(1L, 24 * 3600L);
        }
    }

    @Test
    void messagesOfManyChatsSettleInOnePipelineAlsoWhenRedisForgotItsScripts() {
        AppId app = anApp();
        PendingWrites pending = pendingWrites();
        List<Message> persisted = new ArrayList<>();
        for (long chat = 1; chat <= 40; chat++) {
            Message message = Message.post(app, ChatNumber.of(chat), MessageNumber.of(1), new MessageBody("m" + chat), null, T0);
            pending.put(message);
            persisted.add(message);
        }
        redis.scriptFlush(); // as after a restart: every call of the pipeline answers NOSCRIPT and is made again

        pending.settleMessages(persisted);

        for (long chat = 1; chat <= 40; chat++) {
            assertThat(pending.messagesBetween(app, ChatNumber.of(chat), 0, Long.MAX_VALUE, 10)).as("chat %d", chat).isEmpty();
        }
    }

    @Test
    void anUnreachableRedisIsADependencyFailure() {
        try (UnifiedJedis nowhere = RedisTestServer.unreachable()) {
            PendingWrites pending = new RedisPendingWrites(nowhere, RedisTestPipelines.of(nowhere), new WriteCodec());
            AppId app = anApp();

            assertThatThrownBy(() -> pending.put(new Receipt(app, ChatNumber.of(1), new UserId("alice"), 1, 1, T0)))
                    .isInstanceOf(DependencyUnavailableException.class);
            Redis.forgetFailure(); // the pipelined put must find Redis away by itself, not by the pause the last one opened
            assertThatThrownBy(() -> pending.put(dev.chatplatform.application.mothers.Messages.aMessage().build()))
                    .isInstanceOf(DependencyUnavailableException.class);
            assertThatThrownBy(() -> pending.reactions(app, ChatNumber.of(1))).isInstanceOf(DependencyUnavailableException.class);
            assertThatThrownBy(() -> pending.findUser(app, new UserId("alice"))).isInstanceOf(DependencyUnavailableException.class);
            assertThatThrownBy(() -> pending.messagesBetween(app, ChatNumber.of(1), 0, Long.MAX_VALUE, 10))
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
