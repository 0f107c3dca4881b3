package dev.chatplatform.adapters.rest;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;

/** Turns path segments into domain values. A token that cannot exist is simply an unknown application. */
public final class PathValues {

    private PathValues() {
    }

    public static AppToken token(String raw) {
        if (!AppToken.isWellFormed(raw)) {
            throw new NotFoundException("application");
        }
        return new AppToken(raw);
    }

    public static ChatNumber chatNumber(long raw) {
        if (raw < 1) {
            throw new InvalidValueException("chat_number", "must be a positive integer");
        }
        return new ChatNumber(raw);
    }

    public static MessageNumber messageNumber(long raw) {
        if (raw < 1) {
            throw new InvalidValueException("message_number", "must be a positive integer");
        }
        return new MessageNumber(raw);
    }
}
