package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.message.MessageNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListMessagesServiceTest {

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final App app = platform.anApp();
    private final Chat chat = platform.aChat(app);

    @Test
    void walkingAllPagesReturnsEveryMessageOnceWhileNewOnesArriveAndOldOnesArePersisted() {
        for (int i = 1; i <= 23; i++) {
            platform.post(app, chat, "message " + i);
            if (i == 10) {
                platform.runWorker();
            }
        }

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 20; pages++) {
            Page<Message> page = list(5, cursor);
            walked.addAll(page.items().stream().map(m -> m.number().value()).toList());
            if (page.nextCursor() == null) {
                break;
            }
            cursor = page.nextCursor();
            // Between pages: new messages, an edit, and the worker moving pending messages into the store.
            platform.post(app, chat, "arrived while paging");
            platform.post(app, chat, "arrived while paging");
            Message oldest = platform.getMessage.get(app.token(), chat.number(), MessageNumber.of(1)).message();
            platform.editMessage.edit(new EditMessageUseCase.Command(app.token(), chat.number(), oldest.number(),
                    new MessageBody("edited while paging")));
            if (pages % 2 == 0) {
                platform.runWorker();
            }
        }

        assertThat(walked).containsExactlyElementsOf(LongStream.rangeClosed(1, 23).map(n -> 24 - n).boxed().toList());
    }

    @Test
    void pagesAreNewestFirstAndTheLastOneHasNoCursor() {
        for (int i = 1; i <= 5; i++) {
            platform.post(app, chat, "message " + i);
        }

        Page<Message> first = list(3, null);
        Page<Message> second = list(3, first.nextCursor());

        assertThat(first.items()).extracting(m -> m.number().value()).containsExactly(5L, 4L, 3L);
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).extracting(m -> m.number().value()).containsExactly(2L, 1L);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void aPageEndingExactlyAtTheLastMessageHasNoCursor() {
        for (int i = 1; i <= 5; i++) {
            platform.post(app, chat, "message " + i);
        }

        assertThat(list(5, null).nextCursor()).isNull();
    }

    @Test
    void chatWithoutMessagesIsAnEmptyPage() {
        Page<Message> page = list(10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void unknownChatIsNotFound() {
        assertThatThrownBy(() -> platform.listMessages.list(app.token(), ChatNumber.of(42), MessageRange.ALL, PageRequest.of(null, null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("chat"));
    }

    @Test
    void unknownTokenIsNotFound() {
        assertThatThrownBy(() -> platform.listMessages.list(AppToken.generate(), chat.number(), MessageRange.ALL, PageRequest.of(null, null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("application"));
    }

    static Stream<String> unreadableCursors() {
        return Stream.of(
                "not a cursor",
                "!!!",
                "djE6bWVzc2FnZXM",
                Cursors.encode("inbox", 1700000000000L, 3),
                Cursors.encode("search", 1.5, 3),
                Cursors.encode("messages"),
                Cursors.encode("messages", "abc"),
                Cursors.encode("messages", 1, 2),
                Base64.getUrlEncoder().encodeToString("v2:messages:5".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("unreadableCursors")
    void unreadableCursorIsAnInvalidValueOfFieldCursor(String cursor) {
        platform.post(app, chat, "something to list");

        assertThatThrownBy(() -> list(10, cursor))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    private Page<Message> list(int limit, String cursor) {
        Page<MessageView> page = platform.listMessages.list(app.token(), chat.number(), MessageRange.ALL, new PageRequest(limit, cursor));
        return new Page<>(page.items().stream().map(MessageView::message).toList(), page.nextCursor());
    }
}
