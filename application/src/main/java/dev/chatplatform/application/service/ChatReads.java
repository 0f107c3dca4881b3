package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.application.port.out.PendingWrites.ChatPending;
import dev.chatplatform.application.port.out.ReactionStore;
import dev.chatplatform.application.port.out.ReceiptStore;
import dev.chatplatform.application.port.out.RecentMessagesCache;
import dev.chatplatform.application.port.out.UserStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionSummary;
import dev.chatplatform.domain.receipt.MessageStatus;
import dev.chatplatform.domain.receipt.Receipt;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Reads that see every acknowledged write: the persisted state merged with the pending one, the newer
 * winning. When the pending store is down, reads fall back to what is persisted.
 * <p>
 * The pending store is always read first. The worker drops a pending copy only after the state is
 * committed (and after it has invalidated the recent-messages cache), so a write that is gone from the
 * pending store by then is already visible in the database and in the cache. Read the other way round,
 * a write the worker moves between the two reads is in neither answer.
 * <p>
 * Pending reactions and receipts merge by their own order (the higher score, the larger cursor), so
 * reading a state both pending and persisted counts it once.
 */
public final class ChatReads {

    private static final System.Logger LOG = System.getLogger(ChatReads.class.getName());

    /** How many pending messages one round trip fetches while filling a page through time filters. */
    private static final int PENDING_CHUNK = 200;

    private final PendingWrites pending;
    private final ChatStore chats;
    private final MessageStore messages;
    private final UserStore users;
    private final ReactionStore reactions;
    private final ReceiptStore receipts;
    private final RecentMessagesCache recent;

    public ChatReads(PendingWrites pending, ChatStore chats, MessageStore messages, UserStore users,
                     ReactionStore reactions, ReceiptStore receipts, RecentMessagesCache recent) {
        this.pending = pending;
        this.chats = chats;
        this.messages = messages;
        this.users = users;
        this.reactions = reactions;
        this.receipts = receipts;
        this.recent = recent;
    }

    public Optional<Chat> chat(AppId app, ChatNumber number) {
        Optional<Chat> pendingChat = pendingOr(() -> pending.findChat(app, number), Optional.empty());
        return merged(pendingChat, chats.find(app, number));
    }

    /** The persisted row carries the derived fields (counts, last message); a newer pending state the title. */
    private static Optional<Chat> merged(Optional<Chat> pendingChat, Optional<Chat> stored) {
        if (pendingChat.isEmpty()) {
            return stored;
        }
        if (stored.isEmpty()) {
            return pendingChat;
        }
        return pendingChat.get().isNewerThan(stored.get())
                ? Optional.of(pendingChat.get().withDerivedFrom(stored.get()))
                : stored;
    }

    /**
     * A chat and its messages in {@code range}, newest first, at most {@code limit}, persisted or not: what a
     * page of messages shows, with one read of the pending store for the chat, its messages, reactions and
     * receipts (it was four round trips). Empty when there is no such chat.
     */
    public Optional<ChatMessages> chatMessages(AppId app, ChatNumber number, MessageRange range, int limit) {
        ChatPending snapshot = pendingOr(() -> pending.chatPending(app, number, range.lowerExclusive(),
                range.upperExclusive(), pendingChunk(range, limit)), ChatPending.NONE);
        return withStored(app, number, snapshot).map(read -> new ChatMessages(read.chat(),
                messages(app, number, range, limit, snapshot.reactions(),
                        pendingOr(() -> pendingIn(app, number, range, limit, snapshot.messages()), List.of())),
                snapshot.receipts(), read.receipts()));
    }

    /**
     * A chat and the current state (body, reactions) of the messages {@code found} (the search index's hits), in
     * that order, leaving out those that are nowhere to be found; one read of the pending store, one batch read
     * of the stored messages. Empty when there is no such chat.
     */
    public Optional<ChatMessages> chatMessagesFound(AppId app, ChatNumber number, List<MessageNumber> found) {
        long lowest = found.stream().mapToLong(MessageNumber::value).min().orElse(0);
        long highest = found.stream().mapToLong(MessageNumber::value).max().orElse(0);
        int span = found.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, highest - lowest + 1);
        ChatPending snapshot = pendingOr(() -> pending.chatPending(app, number, lowest - 1, highest + 1, span),
                ChatPending.NONE);
        return withStored(app, number, snapshot).map(read -> new ChatMessages(read.chat(),
                current(app, number, found, snapshot.reactions(), snapshot.messages()), snapshot.receipts(),
                read.receipts()));
    }

    /** The chat as readers see it (its pending state merged with its row), with the stored receipts read with it. */
    private Optional<ChatStore.ChatWithReceipts> withStored(AppId app, ChatNumber number, ChatPending snapshot) {
        Optional<ChatStore.ChatWithReceipts> stored = chats.findWithReceipts(app, number);
        return merged(snapshot.chat(), stored.map(ChatStore.ChatWithReceipts::chat))
                .map(chat -> new ChatStore.ChatWithReceipts(chat, stored.flatMap(ChatStore.ChatWithReceipts::receipts)));
    }

    /**
     * A chat, messages of it, and its receipts as they were read with them, for their views: the pending ones, and
     * the stored ones when the chat store read them with the chat (else the views read the receipt store).
     */
    public record ChatMessages(Chat chat, List<Message> messages, Map<UserId, Receipt> pendingReceipts,
                               Optional<Map<UserId, Receipt>> storedReceipts) {
    }

    /** The messages as readers see them: with the status the chat's receipts give each one. */
    public List<MessageView> views(ChatMessages read, List<Message> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return views(read.chat(), items, receipts(read.chat().appId(), read.chat().number(), read.pendingReceipts(),
                read.storedReceipts()));
    }

    public boolean chatExists(AppId app, ChatNumber number) {
        return chat(app, number).isPresent();
    }

    public Optional<User> user(AppId app, UserId id) {
        Optional<User> pendingUser = pendingOr(() -> pending.findUser(app, id), Optional.empty());
        return newerOf(pendingUser, users.find(app, id), User::isNewerThan);
    }

    /** Whether the message exists for this reader, persisted or not; cheaper than reading it. */
    public boolean messageExists(AppId app, ChatNumber chat, MessageNumber number) {
        return pendingOr(() -> pending.findMessage(app, chat, number), Optional.<Message>empty()).isPresent()
                || messages.find(app, chat, number).isPresent();
    }

    public Optional<Message> message(AppId app, ChatNumber chat, MessageNumber number) {
        List<Reaction> pendingReactions = pendingOr(() -> pending.reactions(app, chat), List.of());
        Optional<Message> pendingMessage = pendingOr(() -> pending.findMessage(app, chat, number), Optional.empty());
        Optional<Message> stored = messages.find(app, chat, number);
        Optional<Message> merged = pendingMessage.isEmpty() ? stored
                : Optional.of(stored.map(s -> newer(s, pendingMessage.get())).orElse(pendingMessage.get()));
        return merged.map(m -> withPendingReactions(app, chat, List.of(m), pendingReactions).getFirst());
    }

    /** The messages of a chat in {@code range}, newest first, at most {@code limit}, persisted or not. */
    public List<Message> messages(AppId app, ChatNumber chat, MessageRange range, int limit) {
        List<Reaction> pendingReactions = pendingOr(() -> pending.reactions(app, chat), List.of());
        List<Message> pendingPage = pendingOr(() -> pendingIn(app, chat, range, limit, null), List.of());
        return messages(app, chat, range, limit, pendingReactions, pendingPage);
    }

    private List<Message> messages(AppId app, ChatNumber chat, MessageRange range, int limit,
                                   List<Reaction> pendingReactions, List<Message> pendingPage) {
        List<Message> storedPage = range.isAll() && limit <= RecentMessagesCache.SIZE
                ? newestStored(app, chat, limit)
                : messages.page(app, chat, range, limit);
        Map<Long, Message> byNumber = new TreeMap<>();
        for (Message message : storedPage) {
            byNumber.put(message.number().value(), message);
        }
        for (Message message : pendingPage) {
            byNumber.merge(message.number().value(), message, ChatReads::newer);
        }
        List<Message> newestFirst = new ArrayList<>(byNumber.values()).reversed();
        List<Message> page = newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
        return withPendingReactions(app, chat, page, pendingReactions);
    }

    /**
     * The current state (body, reactions) of each message in the order given (the search index's hits), the
     * pending ones read already; one batch read. Messages that are nowhere to be found are left out.
     */
    private List<Message> current(AppId app, ChatNumber chat, List<MessageNumber> found,
                                  List<Reaction> pendingReactions, List<Message> pendingFound) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<MessageNumber, Message> byNumber = new HashMap<>();
        for (Message message : pendingFound) {
            byNumber.put(message.number(), message);
        }
        List<MessageStore.Key> keys = found.stream().map(number -> new MessageStore.Key(chat, number)).toList();
        for (Message stored : messages.findAll(app, keys)) {
            byNumber.merge(stored.number(), stored, (pendingState, storedState) -> newer(storedState, pendingState));
        }
        List<Message> current = found.stream().map(byNumber::get).filter(java.util.Objects::nonNull).toList();
        return withPendingReactions(app, chat, current, pendingReactions);
    }

    /**
     * The highest message number the reader can see in the chat, 0 while it has none. Reads no reactions:
     * what a receipt needs to check its cursors, cheaper than reading the newest message.
     */
    public long newestMessageNumber(AppId app, ChatNumber chat) {
        long newestPending = pendingOr(() -> pending.messagesBetween(app, chat, 0, Long.MAX_VALUE, 1), List.<Message>of())
                .stream().mapToLong(m -> m.number().value()).max().orElse(0);
        long newestStored = newestStored(app, chat, 1).stream().mapToLong(m -> m.number().value()).max().orElse(0);
        return Math.max(newestPending, newestStored);
    }

    /** The reaction of {@code key} as it is now, persisted or pending. */
    public Optional<Reaction> reaction(AppId app, ChatNumber chat, Reaction.Key key) {
        Optional<Reaction> pendingReaction = pendingOr(() -> pending.findReaction(app, chat, key), Optional.empty());
        return newerOf(pendingReaction, Optional.ofNullable(reactions.find(app, chat, List.of(key)).get(key)),
                Reaction::isNewerThan);
    }

    /** Every receipt of the chat as it is now, by user: persisted merged with pending. */
    public Map<UserId, Receipt> receipts(AppId app, ChatNumber chat) {
        return receipts(app, chat, pendingOr(() -> pending.receipts(app, chat), Map.of()), Optional.empty());
    }

    private Map<UserId, Receipt> receipts(AppId app, ChatNumber chat, Map<UserId, Receipt> pendingReceipts,
                                          Optional<Map<UserId, Receipt>> stored) {
        Map<UserId, Receipt> merged = new HashMap<>(stored.orElseGet(() -> receipts.ofChat(app, chat)));
        pendingReceipts.forEach((user, receipt) -> merged.merge(user, receipt, Receipt::merge));
        return merged;
    }

    /** The messages of one chat as readers see them: with the status its receipts give each one. */
    public List<MessageView> views(Chat chat, List<Message> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        return views(chat, found, receipts(chat.appId(), chat.number()));
    }

    private static List<MessageView> views(Chat chat, List<Message> found, Map<UserId, Receipt> chatReceipts) {
        return found.stream()
                .map(m -> new MessageView(m, MessageStatus.of(m, chat.participants(), chatReceipts)))
                .toList();
    }

    public MessageView view(Chat chat, Message message) {
        return views(chat, List.of(message)).getFirst();
    }

    /** One chat with the newest message the reader can see, persisted or not (read-your-writes). */
    public ChatView chatView(Chat chat) {
        List<Message> newest = messages(chat.appId(), chat.number(), MessageRange.ALL, 1);
        return newest.isEmpty() ? ChatView.withoutMessages(chat) : new ChatView(chat, view(chat, newest.getFirst()));
    }

    /** An inbox page as readers see it: each chat with its last message and the status its receipts give it. */
    public List<ChatView> chatViews(List<ChatStore.InboxEntry> page) {
        List<ChatView> views = new ArrayList<>(page.size());
        for (ChatStore.InboxEntry entry : page) {
            Message message = entry.lastMessage();
            views.add(message == null ? ChatView.withoutMessages(entry.chat()) : new ChatView(entry.chat(),
                    new MessageView(message, MessageStatus.of(message, entry.chat().participants(), entry.receipts()))));
        }
        return views;
    }

    /** The newest persisted messages, from the recent-messages cache when it can serve them. */
    private List<Message> newestStored(AppId app, ChatNumber chat, int limit) {
        RecentMessagesCache.Lookup lookup;
        try {
            lookup = recent.lookup(app, chat);
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "recent-messages cache unreadable, answering from the database: {0}", e.getMessage());
            return messages.page(app, chat, MessageRange.ALL, limit);
        }
        if (lookup instanceof RecentMessagesCache.Hit(List<Message> newestFirst)) {
            return newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
        }
        long generation = ((RecentMessagesCache.Miss) lookup).generation();
        List<Message> newest = messages.page(app, chat, MessageRange.ALL, RecentMessagesCache.SIZE);
        try {
            recent.fill(app, chat, generation, newest);
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "could not fill the recent-messages cache: {0}", e.getMessage());
        }
        return newest.size() > limit ? newest.subList(0, limit) : newest;
    }

    /**
     * Pending messages in the range, newest first, at most {@code limit}. The store ranges by number
     * only; time bounds are applied here, chunk by chunk, so a page is never short of a pending message
     * that belongs on it. {@code firstChunk}: the first chunk when it has been read already, else null.
     */
    /** How many pending messages one read takes: the page, or a chunk of {@link #PENDING_CHUNK} through time filters. */
    private static int pendingChunk(MessageRange range, int limit) {
        return range.since() != null || range.until() != null ? PENDING_CHUNK : limit;
    }

    private List<Message> pendingIn(AppId app, ChatNumber chat, MessageRange range, int limit, List<Message> firstChunk) {
        List<Message> found = new ArrayList<>();
        long below = range.upperExclusive();
        boolean timeBounded = range.since() != null || range.until() != null;
        int chunk = pendingChunk(range, limit);
        List<Message> next = firstChunk;
        while (found.size() < limit) {
            if (next == null) {
                next = pending.messagesBetween(app, chat, range.lowerExclusive(), below, chunk);
            }
            for (Message message : next) {
                if (range.contains(message) && found.size() < limit) {
                    found.add(message);
                }
            }
            if (!timeBounded || next.size() < chunk) {
                break;
            }
            below = next.getLast().number().value();
            next = null;
        }
        return found;
    }

    /** Adds the pending reactions to the summaries of {@code page}, each counted once (see the class comment). */
    private List<Message> withPendingReactions(AppId app, ChatNumber chat, List<Message> page,
                                               List<Reaction> pendingReactions) {
        if (pendingReactions.isEmpty() || page.isEmpty()) {
            return page;
        }
        Map<MessageNumber, List<Reaction>> byMessage = new HashMap<>();
        for (Message message : page) {
            byMessage.put(message.number(), new ArrayList<>());
        }
        List<Reaction.Key> keys = new ArrayList<>();
        for (Reaction reaction : pendingReactions) {
            List<Reaction> onMessage = byMessage.get(reaction.message());
            if (onMessage != null) {
                onMessage.add(reaction);
                keys.add(reaction.key());
            }
        }
        if (keys.isEmpty()) {
            return page;
        }
        // The summary the page was read with may be older or newer than the stored reactions read now (the
        // worker may commit in between): take both from one snapshot, or a reaction is missed or counted twice.
        ReactionStore.Snapshot stored = reactions.snapshot(app, chat, keys);
        List<Message> merged = new ArrayList<>(page.size());
        for (Message message : page) {
            List<Reaction> pendingOnMessage = byMessage.get(message.number());
            if (pendingOnMessage.isEmpty()) {
                merged.add(message);
                continue;
            }
            ReactionSummary summary = stored.summaries().getOrDefault(message.number(), ReactionSummary.EMPTY);
            for (Reaction reaction : pendingOnMessage) {
                summary = summary.with(stored.reactions().get(reaction.key()), reaction);
            }
            merged.add(message.withReactions(summary));
        }
        return merged;
    }

    /** The pending state when nothing is stored or it is newer than the stored one; else the stored one. */
    private static <T> Optional<T> newerOf(Optional<T> pending, Optional<T> stored, BiPredicate<T, T> isNewer) {
        if (pending.isEmpty() || stored.isPresent() && !isNewer.test(pending.get(), stored.get())) {
            return stored;
        }
        return pending;
    }

    /** The newer of two states of a message; the persisted one's derived data (reactions) is kept either way. */
    private static Message newer(Message stored, Message candidate) {
        return candidate.isNewerThan(stored) ? candidate.withReactions(stored.reactions()) : stored;
    }

    private static <T> T pendingOr(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "pending writes unreadable, answering from the database: {0}", e.getMessage());
            return fallback;
        }
    }
}
