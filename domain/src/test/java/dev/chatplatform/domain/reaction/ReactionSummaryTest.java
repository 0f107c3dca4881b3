package dev.chatplatform.domain.reaction;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReactionSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aNewReactionCountsOnceAndAddsItsScore() {
        ReactionSummary summary = ReactionSummary.EMPTY.with(null, reaction("bob", "clap", 3, 0))
                .with(null, reaction("carol", "clap", 2, 1));

        assertThat(summary.counts()).containsExactlyEntriesOf(java.util.Map.of("clap", 2L));
        assertThat(summary.scores()).containsExactlyEntriesOf(java.util.Map.of("clap", 5L));
    }

    @Test
    void aClapOnAnExistingReactionAddsOnlyTheDifference() {
        Reaction first = reaction("bob", "clap", 3, 0);
        Reaction more = reaction("bob", "clap", 7, 5);

        ReactionSummary summary = ReactionSummary.EMPTY.with(null, first).with(first, more);

        assertThat(summary.counts()).containsEntry("clap", 1L);
        assertThat(summary.scores()).containsEntry("clap", 7L);
        assertThat(summary.latest()).containsExactly(more);
    }

    @Test
    void aStateThatIsNotNewerChangesNothing() {
        Reaction current = reaction("bob", "clap", 7, 5);
        ReactionSummary summary = ReactionSummary.EMPTY.with(null, current);

        assertThat(summary.with(current, reaction("bob", "clap", 3, 9))).isSameAs(summary);
        assertThat(summary.with(current, current)).isSameAs(summary);
    }

    @Test
    void latestKeepsTheTenNewestOnePerUserAndType() {
        ReactionSummary summary = ReactionSummary.EMPTY;
        for (int i = 0; i < 15; i++) {
            summary = summary.with(null, reaction("u" + i, "like", 1, i));
        }

        assertThat(summary.latest()).hasSize(ReactionSummary.LATEST_SIZE);
        assertThat(summary.latest().getFirst().user()).isEqualTo(new UserId("u14"));
        assertThat(summary.latest().getLast().user()).isEqualTo(new UserId("u5"));
        assertThat(summary.counts()).containsEntry("like", 15L);
    }

    @Test
    void eventsOfTheSameUserAndTypeAddUp() {
        ReactionAdded first = event("e1", 2, 0);
        ReactionAdded second = event("e2", 5, 1);

        Reaction after = second.applyTo(first.applyTo(null));

        assertThat(after.score()).isEqualTo(7);
        assertThat(after.createdAt()).isEqualTo(T0);
        assertThat(after.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    private static ReactionAdded event(String id, int score, int second) {
        return new ReactionAdded(id, new AppId(1), ChatNumber.of(1), MessageNumber.of(1), new UserId("bob"),
                new ReactionType("clap"), new ReactionScore(score), T0.plusSeconds(second));
    }

    private static Reaction reaction(String user, String type, long score, int second) {
        return new Reaction(new AppId(1), ChatNumber.of(1), MessageNumber.of(1), new UserId(user), new ReactionType(type),
                score, T0, T0.plusSeconds(second));
    }
}
