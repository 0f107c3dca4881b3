package dev.chatplatform.application.service;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.out.ChatSearchChanges;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatSearchIndex.ChatSearchEntry;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.ChatStore.InboxSlot;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexChatsServiceTest {

    /** The change table: one row per chat, its latest revision. */
    private final TreeMap<Long, ChatSearchEntry> stale = new TreeMap<>();
    private final List<ChatSearchEntry> written = new ArrayList<>();
    private final List<Integer> requests = new ArrayList<>();
    private boolean indexDown;

    private final ChatSearchChanges changes = new ChatSearchChanges() {
        @Override
        public List<ChatSearchEntry> changed(int max) {
            return stale.values().stream().limit(max).toList();
        }

        @Override
        public void forget(List<ChatSearchEntry> indexed) {
            indexed.forEach(entry -> stale.computeIfPresent(entry.chat().value(),
                    (chat, row) -> row.revision() <= entry.revision() ? null : row));
        }
    };

    private final ChatSearchIndex index = new ChatSearchIndex() {
        @Override
        public List<InboxSlot> firstMatchingText(AppId app, String text, InboxPosition after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void indexAll(List<ChatSearchEntry> chats) {
            if (indexDown) {
                throw new DependencyUnavailableException("elasticsearch", new IllegalStateException("down"));
            }
            written.addAll(chats);
            requests.add(chats.size());
        }
    };

    private final IndexChatsService service = new IndexChatsService(changes, index);

    private void change(long chat, long revision) {
        change(chat, revision, "chat " + chat);
    }

    private void change(long chat, long revision, String text) {
        stale.put(chat, new ChatSearchEntry(new AppId(1), ChatNumber.of(chat), text, Instant.EPOCH, revision));
    }

    @Test
    void chatsWithLongTextsGoInSeveralRequests() {
        String huge = "x".repeat(IndexChatsService.TEXT_PER_REQUEST / 2 + 1);
        for (long chat = 1; chat <= 5; chat++) {
            change(chat, 1, chat == 3 ? "short" : huge);
        }

        assertThat(service.indexChanged()).isEqualTo(5);

        assertThat(requests).containsExactly(1, 2, 1, 1);
        assertThat(written).extracting(entry -> entry.chat().value()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stale).isEmpty();
    }

    @Test
    void everyChangedChatIsIndexedInRoundsAndForgotten() {
        int chats = IndexChatsService.CHATS_PER_ROUND * 2 + 5;
        for (long chat = 1; chat <= chats; chat++) {
            change(chat, 1);
        }

        assertThat(service.indexChanged()).isEqualTo(chats);

        assertThat(written).hasSize(chats);
        assertThat(stale).isEmpty();
        assertThat(service.indexChanged()).isZero();
    }

    @Test
    void nothingIsForgottenWhenTheIndexIsDown() {
        change(1, 3);
        indexDown = true;

        assertThatThrownBy(service::indexChanged).isInstanceOf(DependencyUnavailableException.class);

        assertThat(stale).containsOnlyKeys(1L);
        indexDown = false;
        assertThat(service.indexChanged()).isEqualTo(1);
        assertThat(written).extracting(ChatSearchEntry::revision).containsExactly(3L);
        assertThat(Map.copyOf(stale)).isEmpty();
    }
}
