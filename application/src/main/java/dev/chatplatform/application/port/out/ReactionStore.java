package dev.chatplatform.application.port.out;

import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;

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
}
