package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetUserUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

public final class GetUserService implements GetUserUseCase {

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public GetUserService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public User get(AppToken token, UserId id) {
        return reads.user(Tenancy.appOf(tokens, token), id).orElseThrow(() -> new NotFoundException("user"));
    }
}
