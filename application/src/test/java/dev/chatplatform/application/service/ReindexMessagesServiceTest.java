package dev.chatplatform.application.service;

import dev.chatplatform.application.fakes.FakeChatStore;
import dev.chatplatform.application.fakes.FakeMessageSearchIndex;
import dev.chatplatform.application.fakes.FakeMessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

class ReindexMessagesServiceTest {

    private final FakeMessageStore messages = new FakeMessageStore(new FakeChatStore());
    private final FakeMessageSearchIndex index = new FakeMessageSearchIndex();
    private final AppId app = new AppId(7);
    private final AppId other = new AppId(8);

    @Test
    void indexesEveryStoredMessageOfTheApplicationInBatches() {
        List<Message> stored = new ArrayList<>();
        for (long chat = 1; chat <= 3; chat++) {
            for (long number = 1; number <= 5; number++) {
                stored.add(aMessage().in(app, chat).numbered(number).withBody("word " + chat + "-" + number).build());
            }
        }
        stored.add(aMessage().in(other, 1).numbered(1).withBody("word elsewhere").build());
        messages.saveAll(stored);
        List<Long> reported = new ArrayList<>();

        long indexed = new ReindexMessagesService(messages, index, 4).reindex(app, reported::add);

        assertThat(indexed).isEqualTo(15);
        assertThat(reported).containsExactly(4L, 8L, 12L, 15L);
        assertThat(index.chatsMentioning(app, "word", 100)).containsExactlyInAnyOrder(ChatNumber.of(1), ChatNumber.of(2), ChatNumber.of(3));
        assertThat(index.chatsMentioning(other, "word", 100)).isEmpty();
        assertThat(new ReindexMessagesService(messages, index, 4).reindex(null, n -> { })).isEqualTo(16);
        assertThat(index.chatsMentioning(other, "elsewhere", 100)).containsExactly(ChatNumber.of(1));
    }

    @Test
    void neverOverwritesANewerStateIndexedMeanwhile() {
        Message original = aMessage().in(app, 1).numbered(1).withBody("original words").createdAt(secondsAfterT0(1)).build();
        messages.saveAll(List.of(original));
        index.indexAll(List.of(original.edit(new MessageBody("edited words"), secondsAfterT0(5))));

        new ReindexMessagesService(messages, index, 10).reindex(app, n -> { });

        assertThat(index.chatsMentioning(app, "edited", 10)).containsExactly(ChatNumber.of(1));
        assertThat(index.chatsMentioning(app, "original", 10)).isEmpty();
    }
}
