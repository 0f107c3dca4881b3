package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;

public final class GetChatService implements GetChatUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public GetChatService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public ChatView get(AppToken token, ChatNumber number) {
        AppId app = Tenancy.appOf(tokens, token);
        return reads.chatView(reads.chat(app, number).orElseThrow(() -> new NotFoundException("chat")));
    }
}
