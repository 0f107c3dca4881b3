-- The rest of what an inbox page shows, kept on the chat row by the worker, so a page statement reads its
-- chats and nothing else (issue 12): the last message's reaction summary (a copy of its message_reactions
-- row, null when it has none) and the chat's receipts folded into one column (COUNT first, then user,
-- delivered, read, updated_at in microseconds, as the page statement used to fold them on every read).
-- Measured with mariadb-slap, 8 clients, the 5M data set: the first page's statement cost MariaDB 0.65 ms of
-- CPU with the receipts subquery and the summary join, 0.24 ms without them.
ALTER TABLE chats
    ADD COLUMN last_message_summary MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN receipts_folded      MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NULL;

UPDATE chats c
  JOIN message_reactions s ON s.app_id = c.app_id AND s.chat_number = c.number AND s.message_number = c.last_message_number
   SET c.last_message_summary = s.summary;

UPDATE chats c
  JOIN (SELECT r.app_id, r.chat_number,
               CONCAT(COUNT(*), ' ', GROUP_CONCAT(r.user_id, ' ', r.delivered_up_to, ' ', r.read_up_to, ' ',
                      TIMESTAMPDIFF(MICROSECOND, '1970-01-01', r.updated_at) ORDER BY r.user_id SEPARATOR ' ')) AS folded
          FROM receipts r GROUP BY r.app_id, r.chat_number) f
    ON f.app_id = c.app_id AND f.chat_number = c.number
   SET c.receipts_folded = f.folded;
