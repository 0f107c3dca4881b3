package dev.chatplatform.domain.message;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in a chat. {@code updatedAt} doubles as the version of the state: the worker applies a
 * state only when it is newer than the stored one, so creates and edits can arrive in any order and
 * any number of times.
 */
public record Message(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body,
                      Instant createdAt, Instant updatedAt) {

    public Message {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(chatNumber, "chatNumber");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Message post(AppId appId, ChatNumber chatNumber, MessageNumber number, MessageBody body, Instant now) {
        return new Message(appId, chatNumber, number, body, now, now);
    }

    public Message edit(MessageBody newBody, Instant now) {
        Instant version = now.isAfter(updatedAt) ? now : updatedAt.plusMillis(1);
        return new Message(appId, chatNumber, number, newBody, createdAt, version);
    }

    public boolean isNewerThan(Message other) {
        return updatedAt.isAfter(other.updatedAt);
    }
}
