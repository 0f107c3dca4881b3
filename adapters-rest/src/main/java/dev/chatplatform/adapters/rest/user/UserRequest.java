package dev.chatplatform.adapters.rest.user;

import dev.chatplatform.domain.user.Phone;
import dev.chatplatform.domain.user.UserName;

/** A PUT's body; the domain's {@code UserName} and {@code Phone} validate it. */
record UserRequest(String name, String phone) {

    UserName validName() {
        return new UserName(name);
    }

    Phone optionalPhone() {
        return phone == null ? null : new Phone(phone);
    }
}
