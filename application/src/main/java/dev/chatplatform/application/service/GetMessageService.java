package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;

public final class GetMessageService implements GetMessageUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public GetMessageService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public Message get(AppToken token, ChatNumber chat, MessageNumber number) {
        return reads.message(Tenancy.appOf(tokens, token), chat, number)
                .orElseThrow(() -> new NotFoundException("message"));
    }
}
