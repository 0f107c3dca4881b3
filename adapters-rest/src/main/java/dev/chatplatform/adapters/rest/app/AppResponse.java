package dev.chatplatform.adapters.rest.app;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.domain.app.App;

record AppResponse(String token, String name, long chatsCount, String createdAt, String updatedAt) {

    static AppResponse from(App app) {
        return new AppResponse(app.token().value(), app.name().value(), app.chatsCount(),
                Json.timestamp(app.createdAt()), Json.timestamp(app.updatedAt()));
    }
}
