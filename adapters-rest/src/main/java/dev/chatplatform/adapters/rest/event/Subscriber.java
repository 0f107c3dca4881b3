package dev.chatplatform.adapters.rest.event;

import org.springframework.web.socket.TextMessage;

/** Where the dispatcher puts a chat's frames for one connection. Never blocks. */
interface Subscriber {

    /** Queues the frame; a subscriber that cannot take it any more closes itself (see {@link WebSocketSubscriber}). */
    void deliver(TextMessage frame);
}
