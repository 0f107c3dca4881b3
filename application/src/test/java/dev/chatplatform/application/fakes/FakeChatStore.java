package dev.chatplatform.application.fakes;

import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.user.User;
import dev.chatplatform.domain.user.UserId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chats table in memory, with the MySQL adapter's rules: a state is stored unless a newer
 * updated_at is stored already; participants are written once, with the chat; the derived fields
 * (messages count, last message) belong to the store, never to the state being saved. The inbox's
 * text filter reads the users' names and phones from the user store it shares a database with. It is also
 * the chat search index, always up to date (the real one is a second behind the rows).
 */
public final class FakeChatStore implements ChatStore, ChatSearchIndex {

    private static final Comparator<Chat> INBOX_ORDER = Comparator
            .comparing(Chat::activityAt).thenComparingLong(c -> c.number().value()).reversed();

    private final Map<Key, Chat> rows = new HashMap<>();
    private final Outage outage = new Outage("mysql");
    private FakeUserStore users = new FakeUserStore();
    private FakeMessageStore messages;
    private FakeReceiptStore receipts = new FakeReceiptStore();

    /** Shares the user table with {@code users}, so the inbox's text filter finds their names and phones. */
    public FakeChatStore withUsers(FakeUserStore users) {
        this.users = users;
        return this;
    }

    /** Shares the message and receipt tables, which inbox pages read their last messages and statuses from. */
    public FakeChatStore withMessagesAndReceipts(FakeMessageStore messages, FakeReceiptStore receipts) {
        this.messages = messages;
        this.receipts = receipts;
        return this;
    }

    @Override
    public synchronized List<InboxSlot> window(AppId app, InboxFilter filter, InboxPosition after, int size) {
        InboxFilter inbox = new InboxFilter(null, Set.of(), filter.participant());
        return page(app, inbox, after, size).stream()
                .map(chat -> new InboxSlot(chat.number(), chat.activityAt(),
                        filter.text() != null && mentions(chat, FakeMessageSearchIndex.lowerCase(filter.text()))))
                .toList();
    }

    /** The chat index kept in step with the rows: every change shows at once. */
    @Override
    public synchronized List<InboxSlot> firstMatchingText(AppId app, String text, InboxPosition after, int limit) {
        outage.check();
        String needle = FakeMessageSearchIndex.lowerCase(text);
        return rows.values().stream()
                .filter(chat -> chat.appId().equals(app) && mentions(chat, needle))
                .filter(chat -> after == null || isAfter(chat, after))
                .sorted(INBOX_ORDER)
                .limit(limit)
                .map(chat -> new InboxSlot(chat.number(), chat.activityAt(), true))
                .toList();
    }

    /** Nothing to do: {@link #firstMatchingText} reads the rows. */
    @Override
    public void indexAll(List<ChatSearchEntry> chats) {
        outage.check();
    }

    @Override
    public synchronized List<InboxSlot> slots(AppId app, Set<ChatNumber> chats) {
        outage.check();
        return chats.stream().map(number -> rows.get(new Key(app, number))).filter(java.util.Objects::nonNull)
                .map(chat -> new InboxSlot(chat.number(), chat.activityAt(), false)).toList();
    }

    /** Not synchronized: the message store calls into this one while holding its own lock. */
    @Override
    public List<InboxEntry> inbox(AppId app, InboxFilter filter, InboxPosition after, int limit) {
        List<InboxEntry> entries = new ArrayList<>();
        for (Chat chat : page(app, filter, after, limit)) {
            Message last = messages == null || chat.lastMessageNumber() == 0 ? null
                    : messages.find(app, chat.number(), MessageNumber.of(chat.lastMessageNumber())).orElse(null);
            entries.add(new InboxEntry(chat, last, receipts.ofChat(app, chat.number())));
        }
        return entries;
    }

    @Override
    public synchronized Optional<Chat> find(AppId app, ChatNumber number) {
        outage.check();
        return Optional.ofNullable(rows.get(new Key(app, number)));
    }

    @Override
    public synchronized List<Chat> page(AppId app, InboxFilter filter, InboxPosition after, int limit) {
        outage.check();
        return rows.values().stream()
                .filter(chat -> chat.appId().equals(app))
                .filter(chat -> after == null || isAfter(chat, after))
                .filter(chat -> filter.participant() == null || chat.participants().contains(filter.participant()))
                .filter(chat -> filter.among() == null || filter.among().contains(chat.number()))
                .filter(chat -> filter.text() == null || filter.mentionedIn().contains(chat.number())
                        || mentions(chat, FakeMessageSearchIndex.lowerCase(filter.text())))
                .sorted(INBOX_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void saveAll(List<Chat> chats) {
        outage.check();
        for (Chat chat : chats) {
            rows.merge(new Key(chat.appId(), chat.number()),
                    new Chat(chat.appId(), chat.number(), chat.title(), chat.participants(), 0, 0, null,
                            chat.createdAt(), chat.updatedAt()),
                    (stored, saved) -> saved.isNewerThan(stored)
                            ? new Chat(stored.appId(), stored.number(), saved.title(), stored.participants(),
                            stored.messagesCount(), stored.lastMessageNumber(), stored.lastMessageAt(),
                            stored.createdAt(), saved.updatedAt())
                            : stored);
        }
    }

    /** What the message store does on a save: the chat's last message moves forward, if the chat is stored. */
    synchronized void recordMessage(AppId app, ChatNumber number, long messageNumber, Instant messageCreatedAt) {
        rows.computeIfPresent(new Key(app, number), (key, chat) -> messageNumber <= chat.lastMessageNumber() ? chat
                : new Chat(chat.appId(), chat.number(), chat.title(), chat.participants(), chat.messagesCount(),
                messageNumber, messageCreatedAt, chat.createdAt(), chat.updatedAt()));
    }

    /** Stores a row exactly as given, derived fields included: the state the count reconciler leaves behind. */
    public synchronized void putRow(Chat chat) {
        rows.put(new Key(chat.appId(), chat.number()), chat);
    }

    public Outage outage() {
        return outage;
    }

    private boolean mentions(Chat chat, String needle) {
        if (chat.optionalTitle().map(t -> FakeMessageSearchIndex.lowerCase(t.value()).contains(needle)).orElse(false)) {
            return true;
        }
        for (UserId participant : chat.participants()) {
            Optional<User> user = users.stored(chat.appId(), participant);
            if (user.isPresent() && (FakeMessageSearchIndex.lowerCase(user.get().name().value()).contains(needle)
                    || user.get().optionalPhone().map(p -> p.value().contains(needle)).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAfter(Chat chat, InboxPosition after) {
        int byActivity = chat.activityAt().compareTo(after.activityAt());
        return byActivity < 0 || (byActivity == 0 && chat.number().value() < after.number());
    }

    private record Key(AppId app, ChatNumber number) {
    }
}
