package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.chat.ChatTitle;

import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Chats as a client writes them: the derived fields (count, last message) are empty unless set. */
public final class Chats {

    private Chats() {
    }

    public static Builder aChat() {
        return new Builder();
    }

    public static final class Builder {
        private AppId app = new AppId(1);
        private long number = 1;
        private ChatTitle title = new ChatTitle("Support");
        private List<UserId> participants = List.of();
        private long messagesCount;
        private Instant lastMessageAt;
        private Instant createdAt = Times.T0;
        private Instant updatedAt;

        public Builder inApp(AppId app) {
            this.app = app;
            return this;
        }

        public Builder numbered(long number) {
            this.number = number;
            return this;
        }

        public Builder titled(String title) {
            this.title = new ChatTitle(title);
            return this;
        }

        public Builder untitled() {
            this.title = null;
            return this;
        }

        /** In this order: the order the chat keeps them in. */
        public Builder withParticipants(String... userIds) {
            this.participants = Arrays.stream(userIds).map(UserId::new).toList();
            return this;
        }

        public Builder withMessagesCount(long messagesCount) {
            this.messagesCount = messagesCount;
            return this;
        }

        public Builder withLastMessageAt(Instant lastMessageAt) {
            this.lastMessageAt = lastMessageAt;
            return this;
        }

        /** Also the updated_at, unless that is set on its own. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Chat build() {
            return new Chat(app, ChatNumber.of(number), title, participants, messagesCount, 0, lastMessageAt,
                    createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }
}
