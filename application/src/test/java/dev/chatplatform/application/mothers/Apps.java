package dev.chatplatform.application.mothers;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

public final class Apps {

    private Apps() {
    }

    /**
     * An id no other test run will pick: contract tests against shared services (Redis, Elasticsearch)
     * isolate their data by application, since every key and document is scoped by it.
     */
    public static AppId aRandomAppId() {
        return new AppId(ThreadLocalRandom.current().nextLong(1_000_000_000L, 1L << 50));
    }

    public static AppName aName() {
        return new AppName("Acme Support");
    }

    public static Builder anApp() {
        return new Builder();
    }

    public static final class Builder {
        private AppId id = new AppId(1);
        private AppToken token = AppToken.generate();
        private AppName name = aName();
        private long chatsCount;
        private Instant createdAt = Times.T0;
        private Instant updatedAt;

        public Builder withId(AppId id) {
            this.id = id;
            return this;
        }

        public Builder withToken(AppToken token) {
            this.token = token;
            return this;
        }

        public Builder named(String name) {
            this.name = new AppName(name);
            return this;
        }

        public Builder withChatsCount(long chatsCount) {
            this.chatsCount = chatsCount;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public App build() {
            return new App(id, token, name, chatsCount, createdAt, updatedAt == null ? createdAt : updatedAt);
        }
    }
}
