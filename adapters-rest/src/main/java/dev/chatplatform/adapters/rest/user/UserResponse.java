package dev.chatplatform.adapters.rest.user;

import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.User;

record UserResponse(String userId, String name, String phone, String createdAt, String updatedAt) {

    static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.name().value(), user.optionalPhone().map(Phone::value).orElse(null),
                Json.timestamp(user.createdAt()), Json.timestamp(user.updatedAt()));
    }
}
