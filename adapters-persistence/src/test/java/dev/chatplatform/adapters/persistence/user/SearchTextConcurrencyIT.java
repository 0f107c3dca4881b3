package dev.chatplatform.adapters.persistence.user;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.chat.JdbcChatStore;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.mothers.Apps;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.chatplatform.application.mothers.Chats.aChat;
import static dev.chatplatform.application.mothers.Times.millisAfterT0;
import static dev.chatplatform.application.mothers.Users.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chats created while their users are renamed, by concurrent transactions: whichever commits last, every
 * chat's search text ends with every participant's newest name, and no old one.
 */
@PersistenceIT
class SearchTextConcurrencyIT {

    private static final int USERS = 8;
    private static final int CHATS = 40;
    private static final int RENAMES = 6;

    private static final AtomicInteger RETRIES = new AtomicInteger();

    @Autowired
    private JdbcUserStore users;
    @Autowired
    private JdbcChatStore chats;

    @Test
    void chatsCreatedWhileTheirUsersAreRenamedEndWithTheNewestNames() throws Exception {
        AppId app = Apps.aRandomAppId();
        List<Runnable> work = new ArrayList<>();
        for (int round = 0; round < RENAMES; round++) {
            List<User> renamed = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                renamed.add(aUser().inApp(app).withId("user" + u).named("name" + u + "v" + round)
                        .createdAt(millisAfterT0(round)).build());
            }
            work.add(() -> users.saveAll(renamed));
            for (int c = round * CHATS / RENAMES; c < (round + 1) * CHATS / RENAMES; c++) {
                Chat chat = aChat().inApp(app).numbered(c + 1).untitled()
                        .withParticipants("user" + c % USERS, "user" + (c + 1) % USERS, "user" + (c + 3) % USERS).build();
                work.add(() -> chats.saveAll(List.of(chat)));
            }
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            work.forEach(task -> done.add(threads.submit(() -> retried(task))));
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        System.out.println("SearchTextConcurrencyIT: batches retried after a deadlock or lock wait: " + RETRIES.get());
        int last = RENAMES - 1;
        for (int u = 0; u < USERS; u++) {
            final int user = u;
            List<Long> expected = new ArrayList<>();
            for (int c = CHATS - 1; c >= 0; c--) {
                if (c % USERS == user || (c + 1) % USERS == user || (c + 3) % USERS == user) {
                    expected.add((long) c + 1);
                }
            }
            assertThat(inbox(app, "name" + u + "v" + last)).as("user%d's newest name", u).containsExactlyElementsOf(expected);
            for (int round = 0; round < last; round++) {
                assertThat(inbox(app, "name" + u + "v" + round)).as("user%d's name of round %d", u, round).isEmpty();
            }
        }
    }

    /** As the worker does: a batch that lost a deadlock or a lock wait is retried whole. */
    private static void retried(Runnable task) {
        for (int attempt = 1; ; attempt++) {
            try {
                task.run();
                return;
            } catch (DependencyUnavailableException e) {
                RETRIES.incrementAndGet();
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private List<Long> inbox(AppId app, String text) {
        return chats.page(app, new InboxFilter(text, Set.of(), null), null, 100).stream()
                .map(chat -> chat.number().value()).toList();
    }
}
