package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;

import java.util.Objects;

/** Opens a chat's event stream: only an application's own, existing chats (otherwise NotFoundException). */
public interface SubscribeToChatUseCase {

    Subscribed subscribe(AppToken token, ChatNumber chat);

    /**
     * An opened stream: what it receives, and the chat's newest message number as the stream opened, so
     * the stream knows which number comes next (0 for a chat without messages).
     */
    record Subscribed(Subscription subscription, long newestMessageNumber) {
        public Subscribed {
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /** Which events a subscriber receives: those of this chat of this application. */
    record Subscription(AppId appId, ChatNumber chat) {
        public Subscription {
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(chat, "chat");
        }
    }
}
