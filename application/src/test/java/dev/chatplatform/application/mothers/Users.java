package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.UserName;

import java.time.Instant;

public final class Users {

    private Users() {
    }

    public static Builder aUser() {
        return new Builder();
    }

    public static final class Builder {
        private AppId app = new AppId(1);
        private String id = "alice";
        private String name = "Alice Example";
        private String phone = "+4915112345678";
        private Instant createdAt = Times.T0;
        private Instant updatedAt;

        public Builder inApp(AppId app) {
            this.app = app;
            return this;
        }

        public Builder withId(String id) {
            this.id = id;
            return this;
        }

        public Builder named(String name) {
            this.name = name;
            return this;
        }

        public Builder withPhone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder withoutPhone() {
            this.phone = null;
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

        public User build() {
            return new User(app, new UserId(id), new UserName(name), phone == null ? null : new Phone(phone),
                    createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }
}
