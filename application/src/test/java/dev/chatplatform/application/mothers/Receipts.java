package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;

public final class Receipts {

    private Receipts() {
    }

    public static Builder aReceipt() {
        return new Builder();
    }

    public static final class Builder {
        private AppId app = new AppId(1);
        private long chat = 1;
        private String user = "alice";
        private long delivered;
        private long read;
        private Instant updatedAt = Times.T0;

        public Builder in(AppId app, long chat) {
            this.app = app;
            this.chat = chat;
            return this;
        }

        public Builder of(String user) {
            this.user = user;
            return this;
        }

        public Builder deliveredUpTo(long delivered) {
            this.delivered = delivered;
            return this;
        }

        public Builder readUpTo(long read) {
            this.read = read;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Receipt build() {
            return new Receipt(app, ChatNumber.of(chat), new UserId(user), delivered, read, updatedAt);
        }
    }
}
