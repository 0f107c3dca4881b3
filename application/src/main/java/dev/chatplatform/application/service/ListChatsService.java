package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.ChatSearchIndex;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxFilter;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.MessageRange;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox, keyset-paged on (activity, number) so any depth costs one index range read. Activity only
 * grows, so a chat never reappears below a cursor that passed it; a chat that gets a new message while
 * a client walks moves to the top, where the client's next first page (or the events socket) shows it.
 */
public final class ListChatsService implements ListChatsUseCase {

    private static final String CURSOR_KIND = "inbox";

    /** Chats matched by message body that one query considers; see docs/decisions (inbox search). */
    static final int MAX_MENTIONING_CHATS = 10_000;

    /** A q matched by more messages than this is common: the inbox is walked for it (see {@link #matches}). */
    public static final int MAX_MENTIONING_MESSAGES = 2_000;

    /**
     * The inbox windows a q walks before it asks for every chat that mentions it, in pages' worth of chats:
     * a q held by more than about one chat in eighty fills its page within them (docs/performance.md, issue
     * 12). No window is larger than {@link #MAX_WINDOW} chats.
     */
    static final int[] WINDOWS = {4, 16, 64};
    static final int MAX_WINDOW = 5_000;

    private final AppTokenResolver tokens;
    private final ChatStore chats;
    private final ChatSearchIndex chatIndex;
    private final MessageSearchIndex index;
    private final ChatReads reads;

    public ListChatsService(AppTokenResolver tokens, ChatStore chats, ChatSearchIndex chatIndex, MessageSearchIndex index,
                            ChatReads reads) {
        this.tokens = tokens;
        this.chats = chats;
        this.chatIndex = chatIndex;
        this.index = index;
        this.reads = reads;
    }

    /**
     * The chats a q keeps, from the position. First the search index is asked for every chat whose messages
     * mention q, as long as at most {@link #MAX_MENTIONING_MESSAGES} messages do. When that is a short list (a
     * name, a phone number, a rare word), the page is the first of those chats and of the first chats whose
     * own text (title, names, phones) holds q, which the chat index ({@link ChatSearchIndex}) names already in
     * inbox order: both read by primary key and sorted.
     * <p>
     * Otherwise q is common in messages, and the inbox is walked in windows ({@link #WINDOWS}): each chat of a
     * window is tested for its own text in MySQL on the window's rows and for its messages by one search of
     * just the window's other chats' documents. A common q fills its page in the first window, whatever the
     * application's size: asking the whole index which chats mention "today" took tens of milliseconds at 5
     * million messages and named thousands. If the windows do not fill the page, the rest of the inbox is left
     * to the page's own statement with every chat that mentions q (at most {@link #MAX_MENTIONING_CHATS}).
     *
     * @return the chats found by walking (at most {@code wanted}), and the filter and position for the rest
     *         when there is a rest to read
     */
    private Matches matches(AppId app, InboxFilter filter, InboxPosition after, int wanted) {
        if (filter.participant() == null) { // a user's inbox is short: it is walked, not listed
            Optional<Set<ChatNumber>> byBody = index.allChatsMentioning(app, filter.text(), MAX_MENTIONING_MESSAGES);
            if (byBody.isPresent()) {
                List<ChatStore.InboxSlot> byText = chatIndex.firstMatchingText(app, filter.text(), after, wanted);
                return new Matches(firstAfter(byText, byBody.get(), app, after, wanted), null, null);
            }
        }
        Set<ChatNumber> walked = new LinkedHashSet<>();
        InboxPosition position = after;
        for (int pages : WINDOWS) {
            int window = Math.min(MAX_WINDOW, pages * wanted);
            List<ChatStore.InboxSlot> slots = chats.window(app, filter, position, window);
            Set<ChatNumber> textMatches = new HashSet<>();
            for (ChatStore.InboxSlot slot : slots) {
                if (slot.matchesText()) {
                    textMatches.add(slot.chat());
                }
            }
            Set<ChatNumber> mentioning = index.chatsMentioningAmong(app, filter.text(),
                    slots.stream().map(ChatStore.InboxSlot::chat).filter(chat -> !textMatches.contains(chat)).toList());
            for (ChatStore.InboxSlot slot : slots) {
                if (textMatches.contains(slot.chat()) || mentioning.contains(slot.chat())) {
                    walked.add(slot.chat());
                    if (walked.size() == wanted) {
                        return new Matches(walked, null, null);
                    }
                }
            }
            if (slots.size() < window) {
                return new Matches(walked, null, null); // the end of the inbox
            }
            ChatStore.InboxSlot last = slots.getLast();
            position = new InboxPosition(last.activityAt(), last.chat().value());
        }
        Set<ChatNumber> mentioning = index.chatsMentioning(app, filter.text(), MAX_MENTIONING_CHATS);
        return new Matches(walked, new InboxFilter(filter.text(), mentioning, filter.participant()), position);
    }

    /**
     * The first {@code wanted} chats after the position among the first chats matching by text (with their
     * places) and every chat mentioning q (whose places are read), in inbox order: only they travel to the
     * page's statement.
     */
    private Set<ChatNumber> firstAfter(List<ChatStore.InboxSlot> byText, Set<ChatNumber> byBody, AppId app,
                                       InboxPosition after, int wanted) {
        List<ChatStore.InboxSlot> all = new ArrayList<>(byText);
        Set<ChatNumber> bodyOnly = new HashSet<>(byBody);
        byText.forEach(slot -> bodyOnly.remove(slot.chat()));
        all.addAll(chats.slots(app, bodyOnly));
        Set<ChatNumber> first = new LinkedHashSet<>();
        all.stream()
                .filter(slot -> after == null || slot.activityAt().isBefore(after.activityAt())
                        || slot.activityAt().equals(after.activityAt()) && slot.chat().value() < after.number())
                .sorted(INBOX_ORDER)
                .limit(wanted)
                .forEach(slot -> first.add(slot.chat()));
        return first;
    }

    private static final Comparator<ChatStore.InboxSlot> INBOX_ORDER = Comparator
            .comparing(ChatStore.InboxSlot::activityAt).thenComparingLong(slot -> slot.chat().value()).reversed();

    private record Matches(Set<ChatNumber> walked, InboxFilter rest, InboxPosition restAfter) {
    }

    @Override
    public Page<ChatView> list(Query query) {
        AppId app = Tenancy.appOf(tokens, query.token());
        InboxPosition after = null;
        if (query.page().cursor() != null) {
            String[] parts = Cursors.decode(query.page().cursor(), CURSOR_KIND, 2);
            Instant activity = Instant.ofEpochMilli(Cursors.decodeLong(parts[0]));
            if (activity.isBefore(MessageRange.EARLIEST) || activity.isAfter(MessageRange.LATEST)) {
                throw new InvalidValueException("cursor", "is not a cursor returned by this API");
            }
            after = new InboxPosition(activity, Cursors.decodeLong(parts[1]));
        }
        int limit = query.page().limit();
        InboxFilter filter = new InboxFilter(query.text(), Set.of(), query.participant());
        Matches matches = query.text() == null ? null : matches(app, filter, after, limit + 1);
        List<ChatStore.InboxEntry> found;
        if (matches == null) {
            found = chats.inbox(app, filter, after, limit + 1);
        } else {
            found = new ArrayList<>(matches.walked().isEmpty() ? List.of()
                    : chats.inbox(app, InboxFilter.among(matches.walked()), null, limit + 1));
            if (matches.rest() != null) {
                found.addAll(chats.inbox(app, matches.rest(), matches.restAfter(), limit + 1 - found.size()));
            }
        }
        List<ChatStore.InboxEntry> items = found.size() > limit ? found.subList(0, limit) : found;
        String next = null;
        if (found.size() > limit) {
            Chat last = items.getLast().chat();
            next = Cursors.encode(CURSOR_KIND, last.activityAt().toEpochMilli(), last.number().value());
        }
        return new Page<>(reads.chatViews(items), next);
    }
}
