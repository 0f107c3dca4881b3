package dev.chatplatform.application.service;

import dev.chatplatform.application.fakes.FakeAppStore;
import dev.chatplatform.application.fakes.FakeAppTokenResolver;
import dev.chatplatform.application.fakes.FakeChatStore;
import dev.chatplatform.application.fakes.FakeMessageSearchIndex;
import dev.chatplatform.application.fakes.FakeMessageStore;
import dev.chatplatform.application.fakes.FakeNumberReservations;
import dev.chatplatform.application.fakes.FakePendingWrites;
import dev.chatplatform.application.fakes.FakeSequenceCounter;
import dev.chatplatform.application.fakes.FakeWriteQueue;
import dev.chatplatform.application.fakes.MutableClock;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;

import java.time.Duration;
import java.util.List;

/** The services wired to fakes the way the composition root wires them to the real adapters. */
final class InMemoryPlatform {

    final MutableClock clock = new MutableClock();
    final FakeAppStore apps = new FakeAppStore();
    final FakeAppTokenResolver tokens = new FakeAppTokenResolver(apps);
    final FakeSequenceCounter counter = new FakeSequenceCounter();
    final FakeNumberReservations reservations = new FakeNumberReservations();
    final FakeWriteQueue queue = new FakeWriteQueue();
    final FakePendingWrites pending = new FakePendingWrites();
    final FakeChatStore chats = new FakeChatStore();
    final FakeMessageStore messages = new FakeMessageStore(chats);
    final FakeMessageSearchIndex index = new FakeMessageSearchIndex();

    final NumberAllocator numbers = new NumberAllocator(counter, reservations);
    final ChatReads reads = new ChatReads(pending, chats, messages);
    final CreateAppService createApp = new CreateAppService(apps, numbers, clock);
    final CreateChatService createChat = new CreateChatService(tokens, numbers, queue, pending, clock);
    final CreateMessageService createMessage = new CreateMessageService(tokens, reads, numbers, queue, pending, clock);
    final EditMessageService editMessage = new EditMessageService(tokens, reads, queue, pending, clock);
    final GetMessageService getMessage = new GetMessageService(tokens, reads);
    final ListMessagesService listMessages = new ListMessagesService(tokens, reads);
    final SearchMessagesService searchMessages = new SearchMessagesService(tokens, reads, index);
    final PersistWritesService persistWrites = new PersistWritesService(chats, messages, pending);
    final IndexMessagesService indexMessages = new IndexMessagesService(index);

    App anApp() {
        return createApp.create(new CreateAppUseCase.Command(new AppName("Acme")));
    }

    Chat aChat(App app) {
        return createChat.create(new CreateChatUseCase.Command(app.token(), null));
    }

    /** Posts a message a millisecond after the previous one. */
    Message post(App app, Chat chat, String body) {
        clock.advance(Duration.ofMillis(1));
        return createMessage.create(new CreateMessageUseCase.Command(app.token(), chat.number(), new MessageBody(body)));
    }

    /** What the worker does with every command queued so far: persist the batch, then index its messages. */
    void runWorker() {
        List<Object> commands = queue.drain();
        List<Chat> chatStates = commands.stream().filter(Chat.class::isInstance).map(Chat.class::cast).toList();
        List<Message> messageStates = commands.stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
        persistWrites.persist(chatStates, messageStates);
        indexMessages.index(messageStates);
    }
}
