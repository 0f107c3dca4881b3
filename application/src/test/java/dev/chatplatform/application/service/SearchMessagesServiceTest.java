package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.SearchMessagesUseCase.Query;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchMessagesServiceTest {

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final App app = platform.anApp();
    private final Chat chat = platform.aChat(app);

    @Test
    void walkingAllPagesReturnsEveryHitOnce() {
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String body = i % 3 == 0 ? "invoice" : i % 3 == 1 ? "where is my invoice #" + i : "INVOICE INVOICE";
            matching.add(platform.post(app, chat, body).number().value());
            platform.post(app, chat, "unrelated " + i);
        }
        platform.runWorker();

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 20; pages++) {
            Page<Message> page = search("invoice", 7, cursor);
            walked.addAll(page.items().stream().map(m -> m.number().value()).toList());
            if (page.nextCursor() == null) {
                break;
            }
            cursor = page.nextCursor();
        }

        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
    }

    @Test
    void bestMatchComesFirstThenNewest() {
        Message older = platform.post(app, chat, "refund");
        Message inside = platform.post(app, chat, "the refunds came through");
        Message newer = platform.post(app, chat, "I would like a refund for my order please");
        platform.runWorker();

        assertThat(search("refund", 10, null).items()).containsExactly(newer, older, inside);
    }

    @Test
    void existingChatWithoutHitsIsAnEmptyPage() {
        platform.post(app, chat, "hello");
        platform.runWorker();

        Page<Message> page = search("absent", 10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void unknownChatIsNotFound() {
        assertThatThrownBy(() -> platform.searchMessages.search(
                new Query(app.token(), ChatNumber.of(42), "hello", PageRequest.of(null, null))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("chat"));
    }

    static Stream<String> unreadableCursors() {
        return Stream.of("garbage", Cursors.encode("messages", 5), Cursors.encode("search", "abc", 5),
                Cursors.encode("search", 1.5, "x"), Cursors.encode("search", 1.5));
    }

    @ParameterizedTest
    @MethodSource("unreadableCursors")
    void unreadableCursorIsAnInvalidValueOfFieldCursor(String cursor) {
        assertThatThrownBy(() -> search("hello", 10, cursor))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void queryMustBeOneTo200Characters() {
        PageRequest page = PageRequest.of(null, null);

        assertThatThrownBy(() -> new Query(app.token(), chat.number(), "", page))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThatThrownBy(() -> new Query(app.token(), chat.number(), "x".repeat(201), page))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThat(new Query(app.token(), chat.number(), "x".repeat(200), page).text()).hasSize(200);
    }

    private Page<Message> search(String text, int limit, String cursor) {
        Page<MessageView> page = platform.searchMessages.search(new Query(app.token(), chat.number(), text, new PageRequest(limit, cursor)));
        return new Page<>(page.items().stream().map(MessageView::message).toList(), page.nextCursor());
    }
}
