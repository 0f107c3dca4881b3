package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.IndexChatsUseCase;
import dev.chatplatform.application.port.out.ChatSearchChanges;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;

import java.util.List;

/**
 * Drains the stale chats in rounds: read their rows, index them, forget the changes indexed. A crash between
 * indexing and forgetting indexes them again (the revision makes that a no-op); a change that lands while a
 * round runs keeps its row and is taken by the next round.
 */
public final class IndexChatsService implements IndexChatsUseCase {

    static final int CHATS_PER_ROUND = 1_000;
    /**
     * Characters of search text per bulk request: a chat of 1,000 participants with long names has some 300,000,
     * each a gram of a few bytes in the request, so a round of such chats is sent in parts.
     */
    static final int TEXT_PER_REQUEST = 1_000_000;
    private static final int MAX_ROUNDS = 200;

    private final ChatSearchChanges changes;
    private final ChatSearchIndex index;

    public IndexChatsService(ChatSearchChanges changes, ChatSearchIndex index) {
        this.changes = changes;
        this.index = index;
    }

    @Override
    public int indexChanged() {
        int total = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ChatSearchEntry> changed = changes.changed(CHATS_PER_ROUND);
            if (changed.isEmpty()) {
                break;
            }
            int from = 0;
            long text = 0;
            for (int i = 0; i < changed.size(); i++) {
                text += changed.get(i).searchText().length();
                if (text > TEXT_PER_REQUEST && i > from) {
                    index.indexAll(changed.subList(from, i));
                    from = i;
                    text = changed.get(i).searchText().length();
                }
            }
            index.indexAll(changed.subList(from, changed.size()));
            changes.forget(changed);
            total += changed.size();
            if (changed.size() < CHATS_PER_ROUND) {
                break;
            }
        }
        return total;
    }
}
