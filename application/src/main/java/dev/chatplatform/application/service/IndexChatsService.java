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
            index.indexAll(changed);
            changes.forget(changed);
            total += changed.size();
            if (changed.size() < CHATS_PER_ROUND) {
                break;
            }
        }
        return total;
    }
}
