package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;

import java.util.Objects;

/** Opens a chat's event stream: only an application's own, existing chats (otherwise NotFoundException). */
public interface SubscribeToChatUseCase {

    Subscription subscribe(AppToken token, ChatNumber chat);

    /** Which events a subscriber receives: those of this chat of this application. */
    record Subscription(AppId appId, ChatNumber chat) {
        public Subscription {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(chat, "chat");
        }
    }
}
