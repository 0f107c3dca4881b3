package dev.chatplatform.worker.messaging;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;

import java.time.Instant;

/** Commands as the API queues them: a chat or a message state. */
final class Writes {

    static final Instant CREATED = Instant.parse("2026-11-23T08:15:30.123Z");
    static final Instant UPDATED = Instant.parse("2026-11-23T08:20:00.456Z");

    private Writes() {
    }

    static Chat chat(String title) {
        return new Chat(new AppId(17), ChatNumber.of(3), title == null ? null : new ChatTitle(title), 0, null,
                CREATED, UPDATED);
    }

    static Message message(String body) {
        return new Message(new AppId(17), ChatNumber.of(3), MessageNumber.of(12), new MessageBody(body), CREATED, UPDATED);
    }
}
