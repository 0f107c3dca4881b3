package dev.chatplatform.adapters.rest.event;

import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase;
import dev.chatplatform.application.port.in.SubscribeToChatUseCase.Subscribed;
import dev.chatplatform.domain.InvalidValueException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the upgrade happen only for an application's own, existing chat: otherwise the answer is a plain
 * 404 without upgrade, as for any REST request about it.
 */
public final class ChatEventsHandshake implements HandshakeInterceptor {

    static final String SUBSCRIPTION = "chat.subscription";
    private static final Pattern PATH = Pattern.compile(".*/api/v1/applications/([^/]+)/chats/([^/]+)/events/?$");

    private final SubscribeToChatUseCase subscribe;
    private final ChatEventsHandler handler;

    public ChatEventsHandshake(SubscribeToChatUseCase subscribe, ChatEventsHandler handler) {
        this.subscribe = subscribe;
        this.handler = handler;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = PATH.matcher(request.getURI().getPath());
        try {
            if (!path.matches()) {
                throw new NotFoundException("chat");
            }
            Subscribed subscribed = subscribe.subscribe(PathValues.token(path.group(1)),
                    PathValues.chatNumber(Long.parseLong(path.group(2))));
            this.handler.open(subscribed.subscription(), subscribed.newestMessageNumber(), attributes);
            return true;
        } catch (NotFoundException | InvalidValueException | NumberFormatException e) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        } catch (DependencyUnavailableException e) {
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            response.getHeaders().set("Retry-After", "1");
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
