package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.WriteQueue;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;

import java.time.Clock;

public final class RetitleChatService implements RetitleChatUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final AcceptedWrites writes;
    private final Clock clock;

    public RetitleChatService(AppTokenResolver tokens, ChatReads reads, WriteQueue queue,
                              PendingWrites pending, Clock clock) {
        this.tokens = tokens;
        this.reads = reads;
        this.writes = new AcceptedWrites(queue, pending);
        this.clock = clock;
    }

    @Override
    public ChatView retitle(Command command) {
        AppId app = Tenancy.appOf(tokens, command.token());
        Chat current = reads.chat(app, command.number()).orElseThrow(() -> new NotFoundException("chat"));
        Chat retitled = current.retitle(command.title(), Timestamps.millis(clock.instant()));
        writes.accept(retitled);
        return reads.chatView(retitled);
    }
}
