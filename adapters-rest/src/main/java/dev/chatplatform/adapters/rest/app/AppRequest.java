package dev.chatplatform.adapters.rest.app;

/** Create and rename take the same body; the domain's {@code AppName} validates it. */
record AppRequest(String name) {
}
