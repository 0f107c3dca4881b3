package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.application.port.out.ChatEventPublisher;
import dev.chatplatform.application.port.out.IndexQueue;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionAdded;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * Stores queued commands idempotently, then, in this order: invalidates the recent-messages cache of
 * the chats whose messages or reactions changed, publishes the chats' events, hands the persisted
 * messages to the index queue, and lets the pending copies go. The order is what
 * keeps reads complete (see {@link ChatReads}): a pending copy disappears only after the database and
 * the cache both show the write. An invalidation that fails fails the batch, which is retried: a
 * stale cache entry must never outlive the pending copy that hides its staleness. Settling is best
 * effort: a pending copy that outlives its write is harmless. A publish that fails fails the batch too:
 * it is redelivered and stored again (idempotently), so subscribers hear of every change at least once.
 * So does a failed hand-over to the index queue: every persisted message is indexed at least once (the
 * index keeps the newest state by its version, so a repeat changes nothing).
 */
public final class PersistWritesService implements PersistWritesUseCase {

    private static final System.Logger LOG = System.getLogger(PersistWritesService.class.getName());

    private final UserStore users;
    private final ChatStore chats;
    private final MessageStore messages;
    private final ReactionStore reactions;
    private final ReceiptStore receipts;
    private final RecentMessagesCache recent;
    private final PendingWrites pending;
    private final ChatEventPublisher events;
    private final IndexQueue index;

    public PersistWritesService(UserStore users, ChatStore chats, MessageStore messages, ReactionStore reactions,
                                ReceiptStore receipts, RecentMessagesCache recent, PendingWrites pending,
                                ChatEventPublisher events, IndexQueue index) {
        this.users = users;
        this.chats = chats;
        this.messages = messages;
        this.reactions = reactions;
        this.receipts = receipts;
        this.recent = recent;
        this.pending = pending;
        this.events = events;
        this.index = index;
    }

    @Override
    public void persist(Writes writes) {
        if (!writes.users().isEmpty()) {
            users.saveAll(writes.users());
        }
        if (!writes.chats().isEmpty()) {
            chats.saveAll(writes.chats());
        }
        if (!writes.messages().isEmpty()) {
            messages.saveAll(writes.messages());
        }
        List<Reaction> reactionStates = writes.reactions().isEmpty() ? List.of() : reactions.applyAll(writes.reactions());
        if (!writes.receipts().isEmpty()) {
            receipts.saveAll(writes.receipts());
        }
        changedChats(writes).forEach(recent::invalidate);
        List<ChatEvent> batchEvents = events(writes, reactionStates);
        if (!batchEvents.isEmpty()) {
            events.publish(batchEvents);
        }
        if (!writes.messages().isEmpty()) {
            index.enqueue(writes.messages());
        }
        try {
            if (!writes.users().isEmpty()) {
                pending.settleUsers(writes.users());
            }
            if (!writes.chats().isEmpty()) {
                pending.settleChats(writes.chats());
            }
            if (!writes.messages().isEmpty()) {
                pending.settleMessages(writes.messages());
            }
            if (!reactionStates.isEmpty()) {
                pending.settleReactions(reactionStates);
            }
            if (!writes.receipts().isEmpty()) {
                pending.settleReceipts(writes.receipts());
            }
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "persisted, but could not settle pending writes: {0}", e.getMessage());
        }
    }

    /**
     * What subscribers hear of this batch, by (application, chat, message number, kind). Every reaction
     * state the store answered is told, also one a redelivery had applied before: at least once.
     */
    static List<ChatEvent> events(Writes writes, List<Reaction> reactionStates) {
        List<ChatEvent> all = new ArrayList<>(writes.messages().size() + reactionStates.size() + writes.receipts().size());
        writes.messages().forEach(message -> all.add(new ChatEvent.MessageChanged(message)));
        reactionStates.forEach(reaction -> all.add(new ChatEvent.ReactionChanged(reaction)));
        writes.receipts().forEach(receipt -> all.add(new ChatEvent.ReceiptChanged(receipt)));
        all.sort(ChatEvent.ORDER);
        return all;
    }

    /** The chats whose newest messages (bodies or reactions) this batch may have changed, by application. */
    private static Map<AppId, Set<ChatNumber>> changedChats(Writes writes) {
        Map<AppId, Set<ChatNumber>> changed = new LinkedHashMap<>();
        for (Message message : writes.messages()) {
            changed.computeIfAbsent(message.appId(), a -> new TreeSet<>(Comparator.comparingLong(ChatNumber::value)))
                    .add(message.chatNumber());
        }
        for (ReactionAdded reaction : writes.reactions()) {
            changed.computeIfAbsent(reaction.appId(), a -> new TreeSet<>(Comparator.comparingLong(ChatNumber::value)))
                    .add(reaction.chat());
        }
        return changed;
    }
}
