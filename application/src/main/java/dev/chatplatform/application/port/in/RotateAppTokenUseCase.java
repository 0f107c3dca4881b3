package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppToken;

/**
 * Gives an application a new token: the answer carries it, and the old one stops working within seconds on
 * every API instance (their token caches check an entry again after a few seconds). What the application
 * holds (chats, messages, users) stays as it was.
 */
public interface RotateAppTokenUseCase {

    App rotate(AppToken token);
}
