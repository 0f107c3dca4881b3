package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.application.port.out.NumberSequence;
import dev.chatplatform.domain.Timestamps;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;

import java.time.Clock;

public final class CreateAppService implements CreateAppUseCase {

    private final AppStore apps;
    private final NumberAllocator numbers;
    private final Clock clock;

    public CreateAppService(AppStore apps, NumberAllocator numbers, Clock clock) {
        this.apps = apps;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Override
    public App create(Command command) {
        App app = apps.create(AppToken.generate(), command.name(), Timestamps.millis(clock.instant()));
        numbers.open(NumberSequence.chatsOf(app.id()));
        return app;
    }
}
