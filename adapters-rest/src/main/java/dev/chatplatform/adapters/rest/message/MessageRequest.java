package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.domain.message.MessageBody;
import dev.chatplatform.domain.user.UserId;

/** Create and edit take the same body; the domain's {@code MessageBody} and {@code UserId} validate it. */
record MessageRequest(String body, String sender) {

    MessageBody validBody() {
        return new MessageBody(body);
    }

    UserId optionalSender() {
        return sender == null ? null : UserId.parse(sender, "sender");
    }
}
