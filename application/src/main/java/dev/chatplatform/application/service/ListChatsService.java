package dev.chatplatform.application.service;

import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
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
import java.util.List;
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

    private final AppTokenResolver tokens;
    private final ChatStore chats;
    private final MessageSearchIndex index;
    private final ChatReads reads;

    public ListChatsService(AppTokenResolver tokens, ChatStore chats, MessageSearchIndex index, ChatReads reads) {
        this.tokens = tokens;
        this.chats = chats;
        this.index = index;
        this.reads = reads;
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
        Set<ChatNumber> mentioning = query.text() == null
                ? Set.of()
                : index.chatsMentioning(app, query.text(), MAX_MENTIONING_CHATS);
        InboxFilter filter = new InboxFilter(query.text(), mentioning, query.participant());
        int limit = query.page().limit();
        List<ChatStore.InboxEntry> found = chats.inbox(app, filter, after, limit + 1);
        List<ChatStore.InboxEntry> items = found.size() > limit ? found.subList(0, limit) : found;
        String next = null;
        if (found.size() > limit) {
            Chat last = items.getLast().chat();
            next = Cursors.encode(CURSOR_KIND, last.activityAt().toEpochMilli(), last.number().value());
        }
        return new Page<>(reads.chatViews(items), next);
    }
}
