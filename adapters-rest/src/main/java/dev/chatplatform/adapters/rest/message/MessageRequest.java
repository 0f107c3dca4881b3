package dev.chatplatform.adapters.rest.message;

/** Create and edit take the same body; the domain's {@code MessageBody} validates it. */
record MessageRequest(String body) {
}
