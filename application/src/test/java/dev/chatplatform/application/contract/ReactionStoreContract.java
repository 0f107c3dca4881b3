package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chatplatform.application.mothers.Messages.aMessage;
import static dev.chatplatform.application.mothers.Reactions.aReaction;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link ReactionStore}'s Javadoc promises, for the fake and for MySQL. */
public abstract class ReactionStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract ReactionStore reactionStore();

    /** The message store over the same data, whose reads carry the summaries the reaction store keeps. */
    protected abstract MessageStore messageStore();

    private ReactionStore store;
    private MessageStore messages;

    private ReactionStore subject() {
        if (store == null) {
            store = reactionStore();
        }
        return store;
    }

    private MessageStore messages() {
        if (messages == null) {
            messages = messageStore();
        }
        return messages;
    }

    @Test
    void aFirstEventCreatesTheReactionAndAnswersIt() {
        AppId app = newApp();
        ReactionAdded added = aReaction().on(app, 1, 1).by("alice").ofType("+1").scoring(3).build();

        List<Reaction> answered = subject().applyAll(List.of(added));

        assertThat(answered).containsExactly(Reaction.first(added));
        assertThat(subject().find(app, ChatNumber.of(1), List.of(added.key()))).containsExactly(
                Map.entry(added.key(), Reaction.first(added)));
    }

    @Test
    void theSameUserAndTypeAddUpTheirScores() {
        AppId app = newApp();
        ReactionAdded first = aReaction().on(app, 1, 1).scoring(2).at(secondsAfterT0(1)).build();
        ReactionAdded again = aReaction().on(app, 1, 1).scoring(3).at(secondsAfterT0(2)).build();

        subject().applyAll(List.of(first));
        List<Reaction> answered = subject().applyAll(List.of(again));

        Reaction expected = again.applyTo(Reaction.first(first));
        assertThat(expected.score()).isEqualTo(5);
        assertThat(answered).containsExactly(expected);
        assertThat(subject().find(app, ChatNumber.of(1), List.of(first.key())).get(first.key())).isEqualTo(expected);
    }

    @Test
    void anEventDeliveredAgainAddsNothingAndAnswersTheStoredState() {
        AppId app = newApp();
        ReactionAdded added = aReaction().on(app, 1, 1).scoring(4).build();

        subject().applyAll(List.of(added));
        List<Reaction> again = subject().applyAll(List.of(added));
        subject().applyAll(List.of(added, added));

        assertThat(again).containsExactly(Reaction.first(added));
        assertThat(subject().find(app, ChatNumber.of(1), List.of(added.key())).get(added.key()).score()).isEqualTo(4);
        assertThat(summaryOf(app, 1, 1).scores()).containsExactly(Map.entry("like", 4L));
    }

    @Test
    void anEventTwiceInOneBatchCountsOnce() {
        AppId app = newApp();
        ReactionAdded added = aReaction().on(app, 1, 1).scoring(4).build();
        ReactionAdded other = aReaction().on(app, 1, 1).scoring(1).at(secondsAfterT0(1)).build();

        List<Reaction> answered = subject().applyAll(List.of(added, other, added));

        assertThat(answered).hasSize(1).first().extracting(Reaction::score).isEqualTo(5L);
    }

    @Test
    void theSummaryCountsReactionsAndSumsScoresPerType() {
        AppId app = newApp();
        messages().saveAll(List.of(aMessage().in(app, 1).numbered(1).build()));
        List<ReactionAdded> events = List.of(
                aReaction().on(app, 1, 1).by("alice").ofType("like").scoring(2).at(secondsAfterT0(1)).build(),
                aReaction().on(app, 1, 1).by("bob").ofType("like").scoring(1).at(secondsAfterT0(2)).build(),
                aReaction().on(app, 1, 1).by("alice").ofType("like").scoring(5).at(secondsAfterT0(3)).build(),
                aReaction().on(app, 1, 1).by("alice").ofType("wow").scoring(1).at(secondsAfterT0(4)).build(),
                aReaction().on(app, 1, 2).by("carol").ofType("like").scoring(9).at(secondsAfterT0(5)).build());

        subject().applyAll(events.subList(0, 2));
        subject().applyAll(events.subList(2, 5));

        ReactionSummary summary = summaryOf(app, 1, 1);
        assertThat(summary.counts()).containsExactly(Map.entry("like", 2L), Map.entry("wow", 1L));
        assertThat(summary.scores()).containsExactly(Map.entry("like", 8L), Map.entry("wow", 1L));
        assertThat(summary.latest()).extracting(r -> r.user().value() + "/" + r.type().value() + "/" + r.score())
                .containsExactly("alice/wow/1", "alice/like/7", "bob/like/1");
        assertThat(summary).isEqualTo(expectedSummary(events.subList(0, 4)));
    }

    @Test
    void theSummaryKeepsTheNewestTenReactions() {
        AppId app = newApp();
        messages().saveAll(List.of(aMessage().in(app, 1).numbered(1).build()));
        List<ReactionAdded> events = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            events.add(aReaction().on(app, 1, 1).by("user" + i).at(secondsAfterT0(i)).build());
        }

        subject().applyAll(events.reversed());

        ReactionSummary summary = summaryOf(app, 1, 1);
        assertThat(summary.counts()).containsExactly(Map.entry("like", 12L));
        assertThat(summary.latest()).hasSize(ReactionSummary.LATEST_SIZE)
                .extracting(r -> r.user().value()).startsWith("user12", "user11").endsWith("user3");
    }

    @Test
    void aReactionMayBeAppliedBeforeItsMessageIsStored() {
        AppId app = newApp();
        ReactionAdded early = aReaction().on(app, 3, 9).build();

        subject().applyAll(List.of(early));
        messages().saveAll(List.of(aMessage().in(app, 3).numbered(9).build()));

        assertThat(summaryOf(app, 3, 9).counts()).containsExactly(Map.entry("like", 1L));
    }

    @Test
    void everyMessageReadCarriesItsSummary() {
        AppId app = newApp();
        messages().saveAll(List.of(aMessage().in(app, 1).numbered(1).build(), aMessage().in(app, 1).numbered(2).build()));
        ReactionAdded added = aReaction().on(app, 1, 2).scoring(3).build();
        subject().applyAll(List.of(added));
        ReactionSummary expected = expectedSummary(List.of(added));

        assertThat(messages().find(app, ChatNumber.of(1), MessageNumber.of(2)).orElseThrow().reactions()).isEqualTo(expected);
        assertThat(messages().findAll(app, List.of(new MessageStore.Key(ChatNumber.of(1), MessageNumber.of(2)))))
                .extracting(Message::reactions).containsExactly(expected);
        assertThat(messages().page(app, ChatNumber.of(1), MessageRange.ALL, 10))
                .extracting(Message::reactions).containsExactly(expected, ReactionSummary.EMPTY);
    }

    @Test
    void aSnapshotHoldsTheSummariesAndReactionsOfTheSameCommits() {
        AppId app = newApp();
        ReactionAdded first = aReaction().on(app, 1, 1).by("alice").build();
        ReactionAdded second = aReaction().on(app, 1, 2).by("bob").build();
        ReactionAdded otherChat = aReaction().on(app, 2, 1).by("carol").build();
        List<Reaction> applied = subject().applyAll(List.of(first, second, otherChat));

        Reaction.Key never = new Reaction.Key(MessageNumber.of(3), new UserId("dave"), new ReactionType("wow"));
        ReactionStore.Snapshot snapshot = subject().snapshot(app, ChatNumber.of(1), List.of(first.key(), second.key(), never));

        assertThat(snapshot.reactions()).containsOnlyKeys(first.key(), second.key());
        assertThat(snapshot.summaries()).containsOnlyKeys(MessageNumber.of(1), MessageNumber.of(2));
        assertThat(snapshot.summaries().get(MessageNumber.of(1)).latest()).containsExactly(applied.getFirst());
        assertThat(snapshot.summaries().get(MessageNumber.of(2)).counts()).containsEntry(second.type().value(), 1L);
        assertThat(subject().snapshot(app, ChatNumber.of(1), List.of()).summaries()).isEmpty();
    }

    @Test
    void findAnswersTheStoredReactionsOfThatChatOnly() {
        AppId app = newApp();
        ReactionAdded inChat = aReaction().on(app, 1, 1).by("alice").build();
        ReactionAdded otherChat = aReaction().on(app, 2, 1).by("bob").build();
        ReactionAdded otherApp = aReaction().on(newApp(), 1, 1).by("carol").build();
        subject().applyAll(List.of(inChat, otherChat, otherApp));

        Reaction.Key never = new Reaction.Key(MessageNumber.of(1), new UserId("alice"), new ReactionType("wow"));
        Map<Reaction.Key, Reaction> found = subject().find(app, ChatNumber.of(1),
                List.of(inChat.key(), otherChat.key(), otherApp.key(), never));

        assertThat(found).containsOnlyKeys(inChat.key());
        assertThat(subject().find(app, ChatNumber.of(1), List.of())).isEmpty();
    }

    private ReactionSummary summaryOf(AppId app, long chat, long message) {
        messages().saveAll(List.of(aMessage().in(app, chat).numbered(message).build()));
        return messages().find(app, ChatNumber.of(chat), MessageNumber.of(message)).orElseThrow().reactions();
    }

    /** The summary the domain computes when the events are applied one by one, each once. */
    private static ReactionSummary expectedSummary(List<ReactionAdded> events) {
        ReactionSummary summary = ReactionSummary.EMPTY;
        Map<Reaction.Key, Reaction> state = new java.util.HashMap<>();
        for (ReactionAdded event : events) {
            Reaction before = state.get(event.key());
            Reaction after = event.applyTo(before);
            state.put(event.key(), after);
            summary = summary.with(before, after);
        }
        return summary;
    }
}
