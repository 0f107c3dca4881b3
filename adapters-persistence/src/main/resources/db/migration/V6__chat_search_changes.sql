-- The inbox's q matches a chat's own text (title, participants' names and phones: search_text) in a chat
-- document of the search index, sorted there by the chat's activity (issue 12, decision 0007): MySQL joined
-- the chats holding q's rarest gram to their rows at ~4 us a row, 7-15 ms for a name held by 2,000 chats.
-- These triggers record which chats' documents are stale, in the transaction that made them stale, whoever
-- wrote the row (the chat store, the user store's search_text refresh, a new message's activity, the count
-- reconciler's repair, the bulk loader); the worker's chat indexer drains the table.
--
-- search_revision counts the changes of what the document holds; it is the document's external version, so
-- documents indexed out of order (two workers) never go back, and the indexer forgets a change row only up
-- to the revision it indexed (a change that raced with it stays).
ALTER TABLE chats ADD COLUMN search_revision BIGINT NOT NULL DEFAULT 0;

CREATE TABLE chat_search_changes (
    app_id      BIGINT NOT NULL,
    chat_number BIGINT NOT NULL,
    revision    BIGINT NOT NULL,
    PRIMARY KEY (app_id, chat_number)
) ENGINE = InnoDB;

CREATE TRIGGER chats_search_inserted BEFORE INSERT ON chats FOR EACH ROW
BEGIN
    SET NEW.search_revision = 1;
    INSERT INTO chat_search_changes (app_id, chat_number, revision) VALUES (NEW.app_id, NEW.number, 1)
        ON DUPLICATE KEY UPDATE revision = GREATEST(revision, 1);
END;

CREATE TRIGGER chats_search_updated BEFORE UPDATE ON chats FOR EACH ROW
BEGIN
    IF NOT (NEW.search_text <=> OLD.search_text) OR NEW.activity_at <> OLD.activity_at THEN
        SET NEW.search_revision = OLD.search_revision + 1;
        INSERT INTO chat_search_changes (app_id, chat_number, revision)
            VALUES (NEW.app_id, NEW.number, NEW.search_revision)
            ON DUPLICATE KEY UPDATE revision = GREATEST(revision, NEW.search_revision);
    END IF;
END;

-- Every chat there is gets its document.
INSERT INTO chat_search_changes (app_id, chat_number, revision) SELECT app_id, number, 0 FROM chats;
