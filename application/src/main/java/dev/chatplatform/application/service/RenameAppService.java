package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.App;

import java.time.Clock;

public final class RenameAppService implements RenameAppUseCase {

    private final AppStore apps;
    private final Clock clock;

    public RenameAppService(AppStore apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    @Override
    public App rename(Command command) {
        return apps.rename(command.token(), command.name(), Timestamps.millis(clock.instant()))
                .orElseThrow(() -> new NotFoundException("application"));
    }
}
