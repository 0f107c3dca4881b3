package dev.chatplatform.application.fakes;

import dev.chatplatform.application.contract.IndexQueueContract;
import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;

import java.util.List;

/** Holds the fake to the contract the RabbitMQ adapter is held to, so the two cannot drift apart. */
class FakeIndexQueueTest extends IndexQueueContract {

    private final FakeIndexQueue queue = new FakeIndexQueue();

    @Override
    protected IndexQueue queue() {
        return queue;
    }

    @Override
    protected List<Message> take(List<AppId> apps) {
        return queue.take().stream().filter(message -> apps.contains(message.appId())).toList();
    }
}
