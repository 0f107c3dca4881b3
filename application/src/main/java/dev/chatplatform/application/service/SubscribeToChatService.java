package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;

public final class SubscribeToChatService implements SubscribeToChatUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public SubscribeToChatService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public Subscribed subscribe(AppToken token, ChatNumber chat) {
        AppId app = Tenancy.appOf(tokens, token);
        reads.chat(app, chat).orElseThrow(() -> new NotFoundException("chat"));
        return new Subscribed(new Subscription(app, chat), reads.newestMessageNumber(app, chat));
    }
}
