package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Clock;

/**
 * Participants are user ids; a user need not be registered first (as in Twilio Conversations, an
 * identity can join before its profile exists). Their names and phones reach the inbox search once
 * they are registered.
 */
public final class CreateChatService implements CreateChatUseCase {

    private final AppTokenResolver tokens;
    private final NumberAllocator numbers;
    private final AcceptedWrites writes;
    private final Clock clock;

    public CreateChatService(AppTokenResolver tokens, NumberAllocator numbers, WriteQueue queue, PendingWrites pending,
                             Clock clock) {
        this.tokens = tokens;
        this.numbers = numbers;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
    }

    @Override
    public ChatView create(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        ChatNumber number = ChatNumber.of(numbers.next(NumberSequence.chatsOf(app), () -> true, "application"));
        Chat chat = Chat.open(app, number, command.title(), command.participants(), Timestamps.millis(clock.instant()));
        writes.accept(chat);
        AfterDurable.bestEffort("open the message counter", () -> numbers.open(NumberSequence.messagesOf(app, number)));
        return ChatView.withoutMessages(chat);
    }
}
