package dev.chatplatform.application.service;

import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;

public final class GetMessageService implements GetMessageUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public GetMessageService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public MessageView get(AppToken token, ChatNumber chat, MessageNumber number) {
        AppId app = Tenancy.appOf(tokens, token);
        Chat found = reads.chat(app, chat).orElseThrow(() -> new NotFoundException("message"));
        return reads.message(app, chat, number)
                .map(message -> reads.view(found, message))
                .orElseThrow(() -> new NotFoundException("message"));
    }
}
