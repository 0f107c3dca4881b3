-- Every table carries the application's internal id first: it leads every key and every query,
-- so it can become the shard key without touching a query.

CREATE TABLE apps (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    -- The token is a credential: only its SHA-256 is stored, so a database dump reveals no token.
    token_hash  BINARY(32)   NOT NULL,
    name        VARCHAR(255) NOT NULL,
    chats_count BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_apps_token_hash (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chats (
    app_id          BIGINT       NOT NULL,
    number          BIGINT       NOT NULL,
    title           VARCHAR(255) NULL,
    messages_count  BIGINT       NOT NULL DEFAULT 0,
    last_message_at DATETIME(3)  NULL,
    -- GREATEST(created_at, last_message_at): the inbox order, kept as a column so it can be indexed.
    activity_at     DATETIME(3)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (app_id, number),
    KEY ix_chats_inbox (app_id, activity_at, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- No foreign key to chats: a message command may be persisted before its chat's command.
CREATE TABLE messages (
    app_id      BIGINT      NOT NULL,
    chat_number BIGINT      NOT NULL,
    number      BIGINT      NOT NULL,
    body        TEXT        NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, chat_number, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Durable high-water marks of the Redis counters (scope 0: the app's chat numbers; N: chat N's
-- message numbers). See docs/decisions/0002-number-allocation-and-recovery.md.
CREATE TABLE number_reservations (
    app_id         BIGINT NOT NULL,
    scope          BIGINT NOT NULL,
    reserved_up_to BIGINT NOT NULL,
    PRIMARY KEY (app_id, scope)
) ENGINE = InnoDB;

-- Scopes whose counts changed since the reconciler last looked (chat_number 0: the app's chats_count).
-- version lets the reconciler delete only what it has seen, never a change that raced with it.
CREATE TABLE count_changes (
    app_id      BIGINT NOT NULL,
    chat_number BIGINT NOT NULL,
    version     BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (app_id, chat_number)
) ENGINE = InnoDB;
