package dev.chatplatform.domain.message;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;

/** Messages for tests: sensible defaults, override what the test is about. */
final class MessageMother {

    static final Instant POSTED = Instant.parse("2026-11-23T08:15:30.123Z");

    private AppId appId = new AppId(1);
    private ChatNumber chatNumber = ChatNumber.of(1);
    private MessageNumber number = MessageNumber.of(1);
    private MessageBody body = new MessageBody("hello");
    private Instant createdAt = POSTED;
    private Instant updatedAt = POSTED;

    static MessageMother aMessage() {
        return new MessageMother();
    }

    MessageMother number(long value) {
        number = MessageNumber.of(value);
        return this;
    }

    MessageMother body(String value) {
        body = new MessageBody(value);
        return this;
    }

    MessageMother updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    Message build() {
        return new Message(appId, chatNumber, number, body, createdAt, updatedAt);
    }
}
