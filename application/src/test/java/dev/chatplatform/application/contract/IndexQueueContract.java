package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** What every IndexQueue must do: hold what it was handed, whole, in order, until it is taken. */
public abstract class IndexQueueContract extends PortContract {

    protected abstract IndexQueue queue();

    /** Takes what the queue holds for this test's applications, as the index listener would. */
    protected abstract List<Message> take(List<AppId> apps);

    @Test
    void enqueuedMessagesAreTakenWholeAndInOrder() {
        AppId app = newApp();
        Message first = aMessage().inApp(app).numbered(1).build();
        Message second = aMessage().inApp(app).numbered(2).build();
        Message edited = first.edit(new MessageBody("edited after the first"), first.updatedAt().plusSeconds(1));

        queue().enqueue(List.of(first, second));
        queue().enqueue(List.of(edited));

        assertThat(take(List.of(app))).containsExactly(first, second, edited);
    }

    @Test
    void anEmptyBatchEnqueuesNothing() {
        AppId app = newApp();

        queue().enqueue(List.of());

        assertThat(take(List.of(app))).isEmpty();
    }
}
