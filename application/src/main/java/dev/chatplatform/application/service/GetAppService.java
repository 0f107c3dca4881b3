package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;

public final class GetAppService implements GetAppUseCase {

    private final AppStore apps;

    public GetAppService(AppStore apps) {
        this.apps = apps;
    }

    @Override
    public App get(AppToken token) {
        return apps.findByToken(token).orElseThrow(() -> new NotFoundException("application"));
    }
}
