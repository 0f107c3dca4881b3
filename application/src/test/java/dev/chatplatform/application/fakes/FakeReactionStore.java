package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;
import dev.chatplatform.domain.reaction.ReactionSummary;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reactions, applied event ids and per-message summaries in memory, with the MySQL adapter's rules:
 * an event id counts once, and the summary moves with every reaction it changes.
 */
public final class FakeReactionStore implements ReactionStore {

    private final Map<Key, Reaction> reactions = new HashMap<>();
    private final Set<String> applied = new HashSet<>();
    private final Map<MessageKey, ReactionSummary> summaries = new HashMap<>();
    private final Outage outage = new Outage("mysql");

    @Override
    public synchronized List<Reaction> applyAll(List<ReactionAdded> events) {
        outage.check();
        Map<Key, Reaction> touched = new LinkedHashMap<>();
        for (ReactionAdded event : events) {
            Key key = new Key(event.appId(), event.chat(), event.key());
            if (applied.add(event.appId().value() + "/" + event.eventId())) {
                Reaction before = reactions.get(key);
                Reaction after = event.applyTo(before);
                reactions.put(key, after);
                MessageKey message = new MessageKey(event.appId(), event.chat(), event.message());
                summaries.put(message, summaries.getOrDefault(message, ReactionSummary.EMPTY).with(before, after));
            }
            touched.put(key, reactions.get(key));
        }
        return List.copyOf(touched.values());
    }

    @Override
    public synchronized Map<Reaction.Key, Reaction> find(AppId app, ChatNumber chat, Collection<Reaction.Key> keys) {
        outage.check();
        Map<Reaction.Key, Reaction> found = new HashMap<>();
        for (Reaction.Key key : keys) {
            Reaction reaction = reactions.get(new Key(app, chat, key));
            if (reaction != null) {
                found.put(key, reaction);
            }
        }
        return found;
    }

    @Override
    public synchronized Snapshot snapshot(AppId app, ChatNumber chat, Collection<Reaction.Key> keys) {
        outage.check();
        Map<MessageNumber, ReactionSummary> found = new HashMap<>();
        for (Reaction.Key key : keys) {
            ReactionSummary summary = summaries.get(new MessageKey(app, chat, key.message()));
            if (summary != null) {
                found.put(key.message(), summary);
            }
        }
        return new Snapshot(found, find(app, chat, keys));
    }

    /** The summary the message store's reads carry. */
    synchronized ReactionSummary summaryOf(AppId app, ChatNumber chat, MessageNumber message) {
        return summaries.getOrDefault(new MessageKey(app, chat, message), ReactionSummary.EMPTY);
    }

    public Outage outage() {
        return outage;
    }

    private record Key(AppId app, ChatNumber chat, Reaction.Key reaction) {
    }

    private record MessageKey(AppId app, ChatNumber chat, MessageNumber message) {
    }
}
