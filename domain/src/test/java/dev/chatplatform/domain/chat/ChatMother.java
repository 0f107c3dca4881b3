package dev.chatplatform.domain.chat;

import dev.chatplatform.domain.app.AppId;

import java.time.Instant;

/** Chats for tests: sensible defaults, override what the test is about. */
final class ChatMother {

    static final Instant CREATED = Instant.parse("2026-11-23T08:15:30.123Z");

    private AppId appId = new AppId(1);
    private ChatNumber number = ChatNumber.of(1);
    private ChatTitle title = new ChatTitle("General");
    private long messagesCount;
    private Instant lastMessageAt;
    private Instant createdAt = CREATED;
    private Instant updatedAt = CREATED;

    static ChatMother aChat() {
        return new ChatMother();
    }

    ChatMother number(long value) {
        number = ChatNumber.of(value);
        return this;
    }

    ChatMother untitled() {
        title = null;
        return this;
    }

    ChatMother messagesCount(long value) {
        messagesCount = value;
        return this;
    }

    ChatMother lastMessageAt(Instant value) {
        lastMessageAt = value;
        return this;
    }

    ChatMother createdAt(Instant value) {
        createdAt = value;
        updatedAt = value;
        return this;
    }

    ChatMother updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    Chat build() {
        return new Chat(appId, number, title, messagesCount, lastMessageAt, createdAt, updatedAt);
    }
}
