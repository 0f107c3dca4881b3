package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

/**
 * Participants are user ids; a user need not be registered first (as in Twilio Conversations, an
 * identity can join before its profile exists). Their names and phones reach the inbox search once
 * they are registered.
 */
public final class CreateChatService implements CreateChatUseCase {

    private final AppTokenResolver tokens;
    private final NumberAllocator numbers;
    private final AcceptedWrites writes;

    /** A chat's time is its number's stamp, as a message's is (see {@link CreateMessageService}). */
    public CreateChatService(AppTokenResolver tokens, NumberAllocator numbers, WriteQueue queue, PendingWrites pending) {
        this.tokens = tokens;
        this.numbers = numbers;
        this.writes = new AcceptedWrites(queue, pending);
    }

    @Override
    public ChatView create(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        NumberAllocator.Numbered numbered = numbers.next(NumberSequence.chatsOf(app), () -> true, "application");
        ChatNumber number = ChatNumber.of(numbered.number());
        Chat chat = Chat.open(app, number, command.title(), command.participants(), numbered.at());
        writes.accept(chat);
        AfterDurable.bestEffort("open the message counter", () -> numbers.open(NumberSequence.messagesOf(app, number)));
        return ChatView.withoutMessages(chat);
    }
}
