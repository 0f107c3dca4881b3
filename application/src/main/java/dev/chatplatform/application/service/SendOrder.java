package dev.chatplatform.application.service;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Per-chat mutual exclusion for taking a number and handing its command to the broker, so that one
 * API instance sends a chat's messages in number order (real-time events follow the queue's order,
 * see docs/decisions/0009-real-time-events.md). Chats share a fixed set of locks by hash: two chats
 * may wait for each other briefly, the memory stays bounded.
 */
final class SendOrder {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SendOrder() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T inOrder(AppId app, ChatNumber chat, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(31 * Long.hashCode(app.value()) + Long.hashCode(chat.value()), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
