package dev.chatplatform.infra.wire;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;

import java.time.Instant;
import java.util.Arrays;

/** Commands as the API queues them: a chat, message, user or receipt state, or a reaction event. */
public final class Writes {

    public static final Instant CREATED = Instant.parse("2026-11-23T08:15:30.123Z");
    public static final Instant UPDATED = Instant.parse("2026-11-23T08:20:00.456Z");
    public static final AppId APP = new AppId(17);

    private Writes() {
    }

    public static Chat chat(String title) {
        return new Chat(APP, ChatNumber.of(3), title == null ? null : new ChatTitle(title), 0, null,
                CREATED, UPDATED);
    }

    public static Chat chatWith(String... participants) {
        return new Chat(APP, ChatNumber.of(3), new ChatTitle("Group"),
                Arrays.stream(participants).map(UserId::new).toList(), 0, 0, null, CREATED, UPDATED);
    }

    public static Message message(String body) {
        return new Message(APP, ChatNumber.of(3), MessageNumber.of(12), new MessageBody(body), CREATED, UPDATED);
    }

    public static Message messageFrom(String sender) {
        return new Message(APP, ChatNumber.of(3), MessageNumber.of(12), new MessageBody("from someone"),
                new UserId(sender), ReactionSummary.EMPTY, CREATED, UPDATED);
    }

    public static User user(String phone) {
        return new User(APP, new UserId("alice.b@example-1"), new UserName("Alice Bühler"),
                phone == null ? null : new Phone(phone), CREATED, UPDATED);
    }

    public static ReactionAdded reaction(int score) {
        return new ReactionAdded("6f1c2a0e-5b7d-4c1e-9a53-0d3f6b2e8c41", APP, ChatNumber.of(3), MessageNumber.of(12),
                new UserId("bob"), new ReactionType("+1"), new ReactionScore(score), UPDATED);
    }

    public static Receipt receipt(long delivered, long read) {
        return new Receipt(APP, ChatNumber.of(3), new UserId("carol"), delivered, read, UPDATED);
    }
}
