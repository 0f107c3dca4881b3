package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;

import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;

public final class Messages {

    private Messages() {
    }

    public static Builder aMessage() {
        return new Builder();
    }

    public static final class Builder {
        private AppId app = new AppId(1);
        private long chat = 1;
        private long number = 1;
        private String body = "hello there";
        private UserId sender;
        private Instant createdAt = Times.T0;
        private Instant updatedAt;

        public Builder inApp(AppId app) {
            this.app = app;
            return this;
        }

        public Builder inChat(long chat) {
            this.chat = chat;
            return this;
        }

        public Builder in(AppId app, long chat) {
            return inApp(app).inChat(chat);
        }

        public Builder numbered(long number) {
            this.number = number;
            return this;
        }

        public Builder withBody(String body) {
            this.body = body;
            return this;
        }

        public Builder sentBy(String userId) {
            this.sender = new UserId(userId);
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

        public Message build() {
            return new Message(app, ChatNumber.of(chat), MessageNumber.of(number), new MessageBody(body), sender,
                    ReactionSummary.EMPTY, createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }
}
