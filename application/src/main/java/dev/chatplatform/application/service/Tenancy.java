package dev.chatplatform.application.service;

import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;

/** Every request starts here: a token that resolves to no application is a 404, never a hint. */
final class Tenancy {

    private Tenancy() {
    }

    static AppId appOf(AppTokenResolver resolver, AppToken token) {
        return resolver.resolve(token).orElseThrow(() -> new NotFoundException("application"));
    }
}
