package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

/**
 * The hot write path: number (Redis) -> durable command (RabbitMQ, confirmed) -> pending state (Redis).
 * The chat's counter exists iff the chat does, so a message without a sender touches no database; a
 * sender is checked against the chat's participants (see {@link Participants}).
 * <p>
 * The message's time is its number's stamp ({@link NumberAllocator.Numbered}): a later number of the chat never
 * has an earlier time, whichever instance took it, so a time window of the chat is a range of its numbers.
 * <p>
 * The number is taken and the command handed to the broker under the chat's {@link SendOrder} lock,
 * so this instance's messages of a chat enter the queue in number order (the queue hands them to one
 * publishing thread and channel): the chat's events need no reorder window. The confirm is awaited
 * outside the lock, so a chat's posts still overlap their round trips to the broker.
 */
public final class CreateMessageService implements CreateMessageUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final Participants participants;
    private final NumberAllocator numbers;
    private final WriteQueue queue;
    private final AcceptedWrites writes;
    private final SendOrder order = new SendOrder();

    public CreateMessageService(AppTokenResolver tokens, ChatReads reads, Participants participants,
                                NumberAllocator numbers, WriteQueue queue, PendingWrites pending) {
        this.tokens = tokens;
        this.reads = reads;
        this.participants = participants;
        this.numbers = numbers;
        this.queue = queue;
        this.writes = new AcceptedWrites(queue, pending);
    }

    @Override
    public MessageView create(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        if (command.sender() != null) {
            participants.requireAdmitted(app, command.chat(), command.sender(), "sender");
        }
        Sent sent = order.inOrder(app, command.chat(), () -> {
            NumberAllocator.Numbered numbered = numbers.next(NumberSequence.messagesOf(app, command.chat()),
                    () -> reads.chatExists(app, command.chat()), "chat");
            Message message = Message.post(app, command.chat(), MessageNumber.of(numbered.number()), command.body(),
                    command.sender(), numbered.at());
            return new Sent(message, queue.send(message));
        });
        sent.confirmation().await();
        Message message = sent.message();
        writes.keepPending(message);
        return MessageView.sent(message);
    }

    private record Sent(Message message, WriteQueue.Confirmation confirmation) {
    }
}
