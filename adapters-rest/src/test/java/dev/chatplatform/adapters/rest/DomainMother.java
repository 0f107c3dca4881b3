package dev.chatplatform.adapters.rest;

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

import java.time.Instant;

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
}
