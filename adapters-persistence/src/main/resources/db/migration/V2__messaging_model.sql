-- Users, participants, senders, reactions, receipts, and what the inbox filters on.
-- User ids are compared exactly (case matters, API.md): ascii_bin, which also keeps keys at a byte a character.

CREATE TABLE users (
    app_id     BIGINT       NOT NULL,
    user_id    VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name       VARCHAR(255) NOT NULL,
    phone      VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (app_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE chats
    -- A JSON array of user ids in creation order, written once with the chat; NULL: none (every chat of V1).
    -- MEDIUMTEXT: 1,000 ids of 64 characters do not fit a TEXT.
    ADD COLUMN participants MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN last_message_number BIGINT NOT NULL DEFAULT 0,
    -- What q searches: the title and every participant's name and phone, lowercased by the adapter exactly as
    -- it lowercases q. Binary, so that LIKE compares those lowercased strings as they are: a case- or
    -- accent-folding collation would fold a second time, differently from Java.
    ADD COLUMN search_text MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

-- V1 chats have a title at most. LOWER() agrees with Java's Locale.ROOT lowercasing except for a few
-- letters (such as U+0130); such a title is lowercased the Java way on its next retitle.
UPDATE chats SET search_text = LOWER(COALESCE(title, ''));

-- Every distinct three-character piece (code points) of each chat's search_text: a q of three characters
-- or more contains the pieces of any text it matches, so the rarest of q's pieces names every candidate
-- chat, and a rare q reads a short list instead of every chat of the application (see JdbcChatStore).
-- Kept by the adapter in the transaction that writes search_text.
CREATE TABLE chat_search_grams (
    app_id      BIGINT     NOT NULL,
    gram        VARCHAR(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    chat_number BIGINT     NOT NULL,
    PRIMARY KEY (app_id, gram, chat_number)
) ENGINE = InnoDB;

-- Titles are at most 255 characters.
INSERT INTO chat_search_grams (app_id, gram, chat_number)
WITH RECURSIVE positions (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM positions WHERE n < 253)
SELECT DISTINCT c.app_id, SUBSTRING(c.search_text, p.n, 3), c.number
FROM chats c JOIN positions p ON p.n <= CHAR_LENGTH(c.search_text) - 2;

UPDATE chats c
SET c.last_message_number = (SELECT COALESCE(MAX(m.number), 0) FROM messages m
                             WHERE m.app_id = c.app_id AND m.chat_number = c.number);

-- One row per (chat, participant). activity_at copies chats.activity_at (every write that moves one moves
-- the other, in the same transaction) so that one user's inbox is a range of ix_chat_participants_inbox,
-- already in inbox order: the participant filter pages by keyset like the unfiltered inbox.
CREATE TABLE chat_participants (
    app_id      BIGINT      NOT NULL,
    chat_number BIGINT      NOT NULL,
    user_id     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    activity_at DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, chat_number, user_id),
    KEY ix_chat_participants_inbox (app_id, user_id, activity_at, chat_number)
) ENGINE = InnoDB;

ALTER TABLE messages
    ADD COLUMN sender VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;

-- One row per (message, user, type): the claps of one user of one type add up in score.
-- No foreign key to messages: a reaction may be persisted before its message.
CREATE TABLE reactions (
    app_id         BIGINT      NOT NULL,
    chat_number    BIGINT      NOT NULL,
    message_number BIGINT      NOT NULL,
    user_id        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    type           VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    score          BIGINT      NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, chat_number, message_number, user_id, type)
) ENGINE = InnoDB;

-- The reaction events already applied: an increment must count once however often it is delivered.
-- applied_at lets a later job forget events older than any redelivery could be.
CREATE TABLE reaction_events (
    app_id     BIGINT      NOT NULL,
    event_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    applied_at DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, event_id)
) ENGINE = InnoDB;

-- Each message's ReactionSummary as JSON, kept by the worker as it applies reactions, so that a message
-- read is one primary-key join and never an aggregate. A table of its own rather than a column of
-- messages: a reaction may be applied before its message row exists (the two travel on separate
-- commands), and the row is also what concurrent appliers lock to take turns per message.
CREATE TABLE message_reactions (
    app_id         BIGINT     NOT NULL,
    chat_number    BIGINT     NOT NULL,
    message_number BIGINT     NOT NULL,
    summary        MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (app_id, chat_number, message_number)
) ENGINE = InnoDB;

-- Delivered and read cursors per (chat, user): message statuses are derived from these, never stored per
-- message per recipient.
CREATE TABLE receipts (
    app_id          BIGINT      NOT NULL,
    chat_number     BIGINT      NOT NULL,
    user_id         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    delivered_up_to BIGINT      NOT NULL,
    read_up_to      BIGINT      NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, chat_number, user_id)
) ENGINE = InnoDB;
