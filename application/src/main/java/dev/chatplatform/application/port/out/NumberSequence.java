package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

/** Names one number sequence: an application's chat numbers (scope 0) or one chat's message numbers. */
public record NumberSequence(AppId app, long scope) {

    public static NumberSequence chatsOf(AppId app) {
        return new NumberSequence(app, 0);
    }

    public static NumberSequence messagesOf(AppId app, ChatNumber chat) {
        return new NumberSequence(app, chat.value());
    }
}
