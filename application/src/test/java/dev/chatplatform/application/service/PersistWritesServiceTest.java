package dev.chatplatform.application.service;

import dev.chatplatform.application.fakes.FakeIndexQueue;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.in.PersistWritesUseCase.Writes;
import dev.chatplatform.application.fakes.FakeReceiptStore;
import dev.chatplatform.application.fakes.FakeChatEventPublisher;
import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.mothers.Reactions;
import dev.chatplatform.application.mothers.Receipts;
import dev.chatplatform.application.fakes.FakeUserStore;
import dev.chatplatform.application.fakes.FakeRecentMessagesCache;
import dev.chatplatform.application.fakes.FakeReactionStore;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.fakes.FakeChatStore;
import dev.chatplatform.application.fakes.FakeMessageStore;
import dev.chatplatform.application.fakes.FakePendingWrites;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistWritesServiceTest {

    private final FakePendingWrites pending = new FakePendingWrites();
    private final FakeChatStore chats = new FakeChatStore();
    private final FakeReactionStore reactions = new FakeReactionStore();
    private final FakeMessageStore messages = new FakeMessageStore(chats, reactions);
    private final FakeRecentMessagesCache recent = new FakeRecentMessagesCache();
    private final FakeChatEventPublisher events = new FakeChatEventPublisher();
    private final FakeIndexQueue indexQueue = new FakeIndexQueue();
    private final PersistWritesService service = new PersistWritesService(new FakeUserStore(), chats, messages, reactions,
            new FakeReceiptStore(), recent, pending, events, indexQueue);
    private final AppId app = new AppId(3);
    private final Chat chat = aChat().inApp(app).build();
    private final Message message = aMessage().inApp(app).build();
    /** The chat row once both are stored: the message has moved the chat's latest activity. */
    private final Chat storedChat = new Chat(app, chat.number(), chat.title(), List.of(), 0,
            message.number().value(), message.createdAt(), chat.createdAt(), chat.updatedAt());

    @Test
    void persistsTheStatesThenSettlesTheirPendingCopies() {
        pending.put(chat);
        pending.put(message);

        service.persist(Writes.of(List.of(chat), List.of(message)));

        assertThat(chats.find(app, chat.number())).contains(storedChat);
        assertThat(messages.find(app, message.chatNumber(), message.number())).contains(message);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void persistedMessagesAreHandedToTheIndexQueueBeforeTheirPendingCopiesGo() {
        pending.put(message);

        service.persist(Writes.of(List.of(chat), List.of(message)));

        assertThat(indexQueue.enqueued()).containsExactly(message);
    }

    @Test
    void aBatchWithoutMessagesEnqueuesNothing() {
        service.persist(Writes.of(List.of(chat), List.of()));

        assertThat(indexQueue.enqueued()).isEmpty();
    }

    @Test
    void anIndexQueueThatIsDownFailsTheBatchAndKeepsThePendingCopies() {
        pending.put(message);
        indexQueue.outage().start();

        assertThatThrownBy(() -> service.persist(Writes.of(List.of(), List.of(message))))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat(pending.findMessage(app, message.chatNumber(), message.number())).contains(message);
        indexQueue.outage().end();
        service.persist(Writes.of(List.of(), List.of(message)));
        assertThat(indexQueue.enqueued()).containsExactly(message);
        assertThat(pending.all()).isEmpty();
    }

    @Test
    void aNewerPendingStateStaysAfterAnOlderOneIsPersisted() {
        Message edited = message.edit(new MessageBody("edited"), secondsAfterT0(5));
        pending.put(message);
        pending.put(edited);

        service.persist(Writes.of(List.of(), List.of(message)));

        assertThat(messages.find(app, message.chatNumber(), message.number())).contains(message);
        assertThat(pending.findMessage(app, message.chatNumber(), message.number())).contains(edited);
    }

    @Test
    void aFailureToSettleDoesNotFailThePersistence() {
        pending.put(message);
        pending.outage().start();

        service.persist(Writes.of(List.of(chat), List.of(message)));

        assertThat(chats.find(app, chat.number())).contains(storedChat);
        assertThat(messages.find(app, message.chatNumber(), message.number())).contains(message);
        pending.outage().end();
        assertThat(pending.findMessage(app, message.chatNumber(), message.number())).contains(message);
    }

    @Test
    void aStoreFailurePropagatesAndSettlesNothing() {
        pending.put(chat);
        pending.put(message);
        messages.outage().start();

        assertThatThrownBy(() -> service.persist(Writes.of(List.of(chat), List.of(message))))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat(pending.all()).containsExactlyInAnyOrder(chat, message);
    }

    @Test
    void persistingTheSameBatchAgainChangesNothing() {
        service.persist(Writes.of(List.of(chat), List.of(message)));
        service.persist(Writes.of(List.of(chat), List.of(message)));

        assertThat(chats.page(app, ChatStore.InboxFilter.ALL, null, 10)).containsExactly(storedChat);
        assertThat(messages.page(app, message.chatNumber(), MessageRange.ALL, 10)).containsExactly(message);
    }

    @Test
    void anEmptyBatchTouchesNothing() {
        chats.outage().start();
        messages.outage().start();
        pending.outage().start();

        service.persist(Writes.of(List.of(), List.of()));
    }

    @Test
    void givenABatch_whenPersisted_thenItsEventsArePublishedInChatAndNumberOrder() {
        Message second = aMessage().inApp(app).numbered(2).build();
        Message first = aMessage().inApp(app).numbered(1).build();
        Message edited = first.edit(new MessageBody("edited"), secondsAfterT0(9));
        var reaction = Reactions.aReaction().on(app, first.chatNumber().value(), 1).build();
        var receipt = Receipts.aReceipt().in(app, first.chatNumber().value()).deliveredUpTo(2).build();

        service.persist(new Writes(List.of(), List.of(), List.of(second, edited), List.of(reaction), List.of(receipt)));

        assertThat(events.published()).extracting(ChatEvent::kind, ChatEvent::position).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChatEvent.Kind.MESSAGE_UPDATED, 1L),
                org.assertj.core.groups.Tuple.tuple(ChatEvent.Kind.REACTION_ADDED, 1L),
                org.assertj.core.groups.Tuple.tuple(ChatEvent.Kind.MESSAGE_CREATED, 2L),
                org.assertj.core.groups.Tuple.tuple(ChatEvent.Kind.RECEIPT_UPDATED, 2L));
    }

    @Test
    void givenTheBrokerDown_whenPersisted_thenTheBatchFailsAndThePendingCopiesStay() {
        pending.put(message);
        events.outage().start();

        assertThatThrownBy(() -> service.persist(Writes.of(List.of(chat), List.of(message))))
                .isInstanceOf(DependencyUnavailableException.class);

        assertThat(pending.findMessage(app, message.chatNumber(), message.number())).contains(message);
        events.outage().end();
        service.persist(Writes.of(List.of(chat), List.of(message)));
        assertThat(events.published()).extracting(ChatEvent::kind).containsExactly(ChatEvent.Kind.MESSAGE_CREATED);
    }
}
