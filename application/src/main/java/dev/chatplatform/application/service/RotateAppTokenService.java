package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;

import java.time.Clock;

public final class RotateAppTokenService implements RotateAppTokenUseCase {

    private final AppStore apps;
    private final Clock clock;

    public RotateAppTokenService(AppStore apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public App rotate(AppToken token) {
        return apps.replaceToken(token, AppToken.generate(), Timestamps.millis(clock.instant()))
                .orElseThrow(() -> new NotFoundException("application"));
    }
}
