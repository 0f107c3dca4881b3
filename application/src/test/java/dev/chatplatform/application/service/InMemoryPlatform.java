package dev.chatplatform.application.service;

import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.user.UserId;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.application.fakes.FakeRecentMessagesCache;
import dev.chatplatform.application.fakes.FakeReceiptStore;
import dev.chatplatform.application.fakes.FakeReactionStore;
import dev.chatplatform.application.fakes.FakeUserStore;
import dev.chatplatform.application.fakes.FakeAppStore;
import dev.chatplatform.application.fakes.FakeAppTokenResolver;
import dev.chatplatform.application.fakes.FakeChatStore;
import dev.chatplatform.application.fakes.FakeIndexQueue;
import dev.chatplatform.application.fakes.FakeMessageSearchIndex;
import dev.chatplatform.application.fakes.FakeMessageStore;
import dev.chatplatform.application.fakes.FakeNumberReservations;
import dev.chatplatform.application.fakes.FakePendingWrites;
import dev.chatplatform.application.fakes.FakeNumberCounter;
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
    final FakeNumberCounter counter = new FakeNumberCounter(clock);
    final FakeNumberReservations reservations = new FakeNumberReservations();
    final FakeWriteQueue queue = new FakeWriteQueue();
    final FakePendingWrites pending = new FakePendingWrites();
    final FakeUserStore users = new FakeUserStore();
    final FakeChatStore chats = new FakeChatStore().withUsers(users);
    final FakeReactionStore reactions = new FakeReactionStore();
    final FakeMessageStore messages = new FakeMessageStore(chats, reactions);
    final FakeReceiptStore receipts = new FakeReceiptStore();
    {
        chats.withMessagesAndReceipts(messages, receipts);
    }
    final FakeRecentMessagesCache recent = new FakeRecentMessagesCache();
    final dev.chatplatform.application.fakes.FakeChatEventPublisher events = new dev.chatplatform.application.fakes.FakeChatEventPublisher();
    final FakeMessageSearchIndex index = new FakeMessageSearchIndex();
    final FakeIndexQueue indexQueue = new FakeIndexQueue();

    final NumberAllocator numbers = new NumberAllocator(counter, reservations);
    final ChatReads reads = new ChatReads(pending, chats, messages, users, reactions, receipts, recent);
    final Participants participants = new Participants(reads);
    final CreateAppService createApp = new CreateAppService(apps, numbers, clock);
    final CreateChatService createChat = new CreateChatService(tokens, numbers, queue, pending);
    final GetChatService getChat = new GetChatService(tokens, reads);
    final RetitleChatService retitleChat = new RetitleChatService(tokens, reads, queue, pending, clock);
    final ListChatsService listChats = new ListChatsService(tokens, chats, chats, index, reads);
    final CreateMessageService createMessage = new CreateMessageService(tokens, reads, participants, numbers, queue,
            pending);
    final EditMessageService editMessage = new EditMessageService(tokens, reads, queue, pending, clock);
    final GetMessageService getMessage = new GetMessageService(tokens, reads);
    final ListMessagesService listMessages = new ListMessagesService(tokens, reads);
    final SearchMessagesService searchMessages = new SearchMessagesService(tokens, reads, index);
    final PutUserService putUser = new PutUserService(tokens, reads, queue, pending, clock);
    final GetUserService getUser = new GetUserService(tokens, reads);
    final AddReactionService addReaction = new AddReactionService(tokens, reads, participants, queue, pending, clock);
    final PostReceiptService postReceipt = new PostReceiptService(tokens, reads, participants, queue, pending, clock);
    final PersistWritesService persistWrites = new PersistWritesService(users, chats, messages, reactions, receipts,
            recent, pending, events, indexQueue);
    final IndexMessagesService indexMessages = new IndexMessagesService(index);

    App anApp() {
        return createApp.create(new CreateAppUseCase.Command(new AppName("Acme")));
    }

    Chat aChat(App app) {
        return createChat.create(new CreateChatUseCase.Command(app.token(), null)).chat();
    }

    Chat aChatOf(App app, String... participants) {
        clock.advance(Duration.ofMillis(1));
        List<UserId> ids = java.util.Arrays.stream(participants).map(UserId::new).toList();
        return createChat.create(new CreateChatUseCase.Command(app.token(), null, ids)).chat();
    }

    /** Posts a message a millisecond after the previous one. */
    Message post(App app, Chat chat, String body) {
        return post(app, chat, body, null);
    }

    Message post(App app, Chat chat, String body, String sender) {
        clock.advance(Duration.ofMillis(1));
        return createMessage.create(new CreateMessageUseCase.Command(app.token(), chat.number(), new MessageBody(body),
                sender == null ? null : new UserId(sender))).message();
    }

    /** What the worker does with every command queued so far: persist the batch, then index what it handed over. */
    void runWorker() {
        List<Object> commands = queue.drain();
        PersistWritesUseCase.Writes writes = new PersistWritesUseCase.Writes(
                only(commands, User.class), only(commands, Chat.class), only(commands, Message.class),
                only(commands, ReactionAdded.class), only(commands, Receipt.class));
        persistWrites.persist(writes);
        indexMessages.index(indexQueue.take());
    }

    private static <T> List<T> only(List<Object> commands, Class<T> kind) {
        return commands.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
