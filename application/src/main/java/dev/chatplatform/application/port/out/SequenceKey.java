package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

/** Names one number sequence: an application's chat numbers (scope 0) or one chat's message numbers. */
public record SequenceKey(AppId app, long scope) {

    public static SequenceKey chatsOf(AppId app) {
        return new SequenceKey(app, 0);
    }

    public static SequenceKey messagesOf(AppId app, ChatNumber chat) {
        return new SequenceKey(app, chat.value());
    }
}
