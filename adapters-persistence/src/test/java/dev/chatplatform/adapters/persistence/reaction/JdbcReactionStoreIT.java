package dev.chatplatform.adapters.persistence.reaction;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.adapters.persistence.message.JdbcMessageStore;
import dev.chatplatform.application.contract.ReactionStoreContract;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Reactions.aReaction;
import static dev.chatplatform.application.mothers.Times.millisAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

@PersistenceIT
class JdbcReactionStoreIT extends ReactionStoreContract {

    @Autowired
    private JdbcReactionStore reactions;

    @Autowired
    private JdbcMessageStore messages;

    @Override
    protected ReactionStore reactionStore() {
        return reactions;
    }

    @Override
    protected MessageStore messageStore() {
        return messages;
    }

    /**
     * 100 users, two reaction types, 200 events on one message, every event delivered twice, applied by
     * four threads in overlapping batches that also touch a second message (so batches lock several rows).
     */
    @Test
    void concurrentBatchesWithRedeliveriesCountEveryEventExactlyOnce() throws Exception {
        AppId app = newApp();
        messages.saveAll(List.of(aMessage().in(app, 1).numbered(1).build(), aMessage().in(app, 1).numbered(2).build()));
        List<ReactionAdded> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(aReaction().on(app, 1, i % 7 == 0 ? 2 : 1).by("user" + (i % 100)).ofType(i < 100 ? "like" : "clap")
                    .scoring(1 + i % 5).at(millisAfterT0(i)).build());
        }
        List<ReactionAdded> deliveries = new ArrayList<>(events);
        deliveries.addAll(events);
        Collections.shuffle(deliveries, new Random(42));
        List<List<ReactionAdded>> batches = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); from += 25) {
            // Each batch overlaps the next by 10 deliveries: a third and fourth delivery of some events.
            batches.add(deliveries.subList(from, Math.min(deliveries.size(), from + 35)));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            batches.forEach(batch -> done.add(threads.submit(() -> reactions.applyAll(batch))));
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (long message = 1; message <= 2; message++) {
            final long number = message;
            List<ReactionAdded> ofMessage = events.stream().filter(e -> e.message().value() == number).toList();
            ReactionSummary summary = messages.find(app, ChatNumber.of(1), MessageNumber.of(message)).orElseThrow().reactions();
            for (String type : List.of("like", "clap")) {
                List<ReactionAdded> ofType = ofMessage.stream().filter(e -> e.type().value().equals(type)).toList();
                assertThat(summary.counts().get(type)).as("count of %s on %d", type, message)
                        .isEqualTo(ofType.stream().map(e -> e.user()).distinct().count());
                assertThat(summary.scores().get(type)).as("score of %s on %d", type, message)
                        .isEqualTo(ofType.stream().mapToLong(e -> e.score().value()).sum());
            }
            Map<Reaction.Key, Reaction> stored = reactions.find(app, ChatNumber.of(1),
                    ofMessage.stream().map(ReactionAdded::key).distinct().toList());
            for (Reaction.Key key : stored.keySet()) {
                assertThat(stored.get(key).score()).isEqualTo(ofMessage.stream().filter(e -> e.key().equals(key))
                        .mapToLong(e -> e.score().value()).sum());
            }
        }
    }
}
