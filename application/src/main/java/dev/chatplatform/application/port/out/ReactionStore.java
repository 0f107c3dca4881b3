package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface ReactionStore {

    /**
     * Applies each event at most once, whatever the number of deliveries (remembered by event id):
     * adds its score to the (message, user, type) reaction and keeps the message's
     * {@link dev.chatplatform.domain.reaction.ReactionSummary} in step, in one transaction. A message
     * need not be stored yet. Answers the state of every reaction the events touch, as stored after
     * the call (also for events that had been applied before).
     */
    List<Reaction> applyAll(List<ReactionAdded> events);

    /** The stored reactions of a chat among {@code keys}; absent keys have no reaction. */
    Map<Reaction.Key, Reaction> find(AppId app, ChatNumber chat, Collection<Reaction.Key> keys);

    /**
     * The stored reactions among {@code keys} together with the summaries of their messages, read from one
     * consistent snapshot: either both show an applied event or neither does. What a reader needs to add
     * pending reactions to a summary without counting one twice or missing it.
     */
    Snapshot snapshot(AppId app, ChatNumber chat, Collection<Reaction.Key> keys);

    /** Messages without reactions are absent from {@code summaries}; keys without a reaction from {@code reactions}. */
    record Snapshot(Map<MessageNumber, ReactionSummary> summaries, Map<Reaction.Key, Reaction> reactions) {
        public Snapshot {
            summaries = Map.copyOf(summaries);
            reactions = Map.copyOf(reactions);
        }
    }
}
