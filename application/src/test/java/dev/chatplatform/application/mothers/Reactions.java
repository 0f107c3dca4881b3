package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.UUID;

/** Reaction events, each with an event id of its own unless one is given. */
public final class Reactions {

    private Reactions() {
    }

    public static Builder aReaction() {
        return new Builder();
    }

    public static final class Builder {
        private String eventId;
        private AppId app = new AppId(1);
        private long chat = 1;
        private long message = 1;
        private String user = "alice";
        private String type = "like";
        private int score = 1;
        private Instant at = Times.T0;

        public Builder withEventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder on(AppId app, long chat, long message) {
            this.app = app;
            this.chat = chat;
            this.message = message;
            return this;
        }

        public Builder by(String user) {
            this.user = user;
            return this;
        }

        public Builder ofType(String type) {
            this.type = type;
            return this;
        }

        public Builder scoring(int score) {
            this.score = score;
            return this;
        }

        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        public ReactionAdded build() {
            return new ReactionAdded(eventId == null ? UUID.randomUUID().toString() : eventId, app,
                    ChatNumber.of(chat), MessageNumber.of(message), new UserId(user), new ReactionType(type),
                    new ReactionScore(score), at);
        }
    }
}
