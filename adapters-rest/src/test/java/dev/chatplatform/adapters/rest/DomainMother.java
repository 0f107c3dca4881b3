package dev.chatplatform.adapters.rest;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.receipt.MessageStatus;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What the mocked use cases answer. Instants carry nanoseconds so the tests see them cut to milliseconds. */
public final class DomainMother {

    public static final AppToken TOKEN = new AppToken("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo");
    public static final AppId APP_ID = new AppId(42);
    public static final Instant CREATED = Instant.parse("2026-11-23T08:15:30.123456789Z");
    public static final String CREATED_JSON = "2026-11-23T08:15:30.123Z";
    public static final Instant UPDATED = Instant.parse("2026-11-23T09:00:00Z");
    public static final String UPDATED_JSON = "2026-11-23T09:00:00.000Z";

    private DomainMother() {
    }

    public static App app(String name) {
        return new App(APP_ID, TOKEN, new AppName(name), 3, CREATED, UPDATED);
    }

    public static Chat chat(long number, String title) {
        return new Chat(APP_ID, ChatNumber.of(number), title == null ? null : new ChatTitle(title), 0, null,
                CREATED, CREATED);
    }

    public static Chat chatWithMessages(long number, long messages, Instant lastMessageAt) {
        return new Chat(APP_ID, ChatNumber.of(number), null, messages, lastMessageAt, CREATED, CREATED);
    }

    public static Message message(long chat, long number, String body) {
        return new Message(APP_ID, ChatNumber.of(chat), MessageNumber.of(number), new MessageBody(body), CREATED, UPDATED);
    }

    public static ChatView chatView(long number, String title) {
        return ChatView.withoutMessages(chat(number, title));
    }

    public static Chat chatWith(long number, String... participants) {
        return new Chat(APP_ID, ChatNumber.of(number), null, Arrays.stream(participants).map(UserId::new).toList(),
                0, 0, null, CREATED, UPDATED);
    }

    public static MessageView messageView(long chat, long number, String body) {
        return MessageView.sent(message(chat, number, body));
    }

    public static Message messageFrom(long chat, long number, String sender, ReactionSummary reactions) {
        return new Message(APP_ID, ChatNumber.of(chat), MessageNumber.of(number), new MessageBody("hi"),
                sender == null ? null : new UserId(sender), reactions, CREATED, UPDATED);
    }

    public static Reaction reaction(long chat, long message, String user, String type, long score) {
        return new Reaction(APP_ID, ChatNumber.of(chat), MessageNumber.of(message), new UserId(user),
                new ReactionType(type), score, CREATED, UPDATED);
    }

    /** The summary of these reactions, as the worker would have built it one by one. */
    public static ReactionSummary summaryOf(Reaction... reactions) {
        ReactionSummary summary = ReactionSummary.EMPTY;
        for (Reaction reaction : reactions) {
            summary = summary.with(null, reaction);
        }
        return summary;
    }

    public static User user(String id, String name, String phone) {
        return new User(APP_ID, new UserId(id), new UserName(name), phone == null ? null : new Phone(phone),
                CREATED, UPDATED);
    }

    public static Receipt receipt(long chat, String user, long delivered, long read) {
        return new Receipt(APP_ID, ChatNumber.of(chat), new UserId(user), delivered, read, UPDATED);
    }

    public static MessageView withStatus(Message message, MessageStatus status) {
        return new MessageView(message, status);
    }

    public static List<UserId> userIds(String... ids) {
        return Arrays.stream(ids).map(UserId::new).toList();
    }
}
