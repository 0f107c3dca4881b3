package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;

import java.time.Clock;

public final class EditMessageService implements EditMessageUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final AcceptedWrites writes;
    private final Clock clock;

    public EditMessageService(AppTokenResolver tokens, ChatReads reads, WriteQueue queue, PendingWrites pending,
                              Clock clock) {
        this.tokens = tokens;
        this.reads = reads;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
    }

    @Override
    public MessageView edit(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        Chat chat = reads.chat(app, command.chat()).orElseThrow(() -> new NotFoundException("chat"));
        Message current = reads.message(app, command.chat(), command.number())
                .orElseThrow(() -> new NotFoundException("message"));
        Message edited = current.edit(command.body(), Timestamps.millis(clock.instant()));
        writes.accept(edited);
        return reads.view(chat, edited);
    }
}
