package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.application.contract.MessageStoreContract;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageRange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

@PersistenceIT
class JdbcMessageStoreIT extends MessageStoreContract {

    @Autowired
    private JdbcMessageStore messages;

    @Autowired
    private JdbcChatStore chats;

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    @Override
    protected ChatStore chatStore() {
        return chats;
    }

    /**
     * A time window is read as the primary key's range between its first and last message, and finds what a
     * filter over every message would: near and far back, narrow and wide, cut by a number, empty. Times only
     * grow with numbers (the stamps come with the numbers), some messages sharing one.
     */
    @Test
    void timeWindowsOfALongChatFindWhatAFilterWould() {
        AppId app = newApp();
        int count = 3_000;
        List<Message> all = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            // Every tenth message a second late: it shares its time with the next one.
            all.add(aMessage().in(app, 1).numbered(n).createdAt(secondsAfterT0(n + (n % 10 == 0 ? 1 : 0))).build());
        }
        for (int from = 0; from < all.size(); from += 500) {
            messages.saveAll(all.subList(from, Math.min(all.size(), from + 500)));
        }
        record Window(Instant since, Instant until, long before) {
        }
        for (Window window : List.of(
                new Window(secondsAfterT0(100), secondsAfterT0(160), Long.MAX_VALUE),     // narrow, far back
                new Window(secondsAfterT0(100), secondsAfterT0(900), Long.MAX_VALUE),     // narrow, 800 rows
                new Window(secondsAfterT0(300), secondsAfterT0(900), 700),               // narrow, cut by a number
                new Window(secondsAfterT0(11), secondsAfterT0(11), Long.MAX_VALUE),       // one second, two messages
                new Window(secondsAfterT0(1), secondsAfterT0(2_000), Long.MAX_VALUE),     // wide, far back
                new Window(secondsAfterT0(-50), secondsAfterT0(3), Long.MAX_VALUE),       // before the first
                new Window(secondsAfterT0(2_990), secondsAfterT0(count + 50), Long.MAX_VALUE), // the newest
                new Window(secondsAfterT0(100), null, Long.MAX_VALUE),                    // wide: everything since
                new Window(null, secondsAfterT0(2_500), Long.MAX_VALUE),                  // wide: everything until
                new Window(secondsAfterT0(100), secondsAfterT0(2_900), 1_000),           // wide, cut by a number
                new Window(secondsAfterT0(count + 50), null, Long.MAX_VALUE))) {            // empty
            MessageRange range = new MessageRange(window.before() == Long.MAX_VALUE ? null : window.before(), null,
                    window.since(), window.until());
            List<Long> expected = all.reversed().stream()
                    .filter(m -> m.number().value() < window.before())
                    .filter(m -> window.since() == null || !m.createdAt().isBefore(window.since()))
                    .filter(m -> window.until() == null || !m.createdAt().isAfter(window.until()))
                    .limit(50).map(m -> m.number().value()).toList();

            assertThat(messages.page(app, ChatNumber.of(1), range, 50)).as(window.toString())
                    .extracting(m -> m.number().value()).containsExactlyElementsOf(expected);
        }
    }
}
