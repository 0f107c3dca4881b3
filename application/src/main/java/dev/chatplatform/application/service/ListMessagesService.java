package dev.chatplatform.application.service;

import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageRange;

import java.time.Instant;
import java.util.List;

/**
 * Keyset pages by message number, newest first: new messages never shift a page a client is walking.
 * A cursor carries the range its walk was started with, so the next page needs nothing but the cursor;
 * filters sent along with a cursor narrow the walk further (they never widen it).
 */
public final class ListMessagesService implements ListMessagesUseCase {

    private static final String CURSOR_KIND = "messages";
    private static final String RANGED_CURSOR_KIND = "msgrange";

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public ListMessagesService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public Page<MessageView> list(AppToken token, ChatNumber chatNumber, MessageRange range, PageRequest page) {
        AppId app = Tenancy.appOf(tokens, token);
        MessageRange walk = page.cursor() == null ? range : range.narrowedTo(decode(page.cursor()));
        ChatReads.ChatMessages read = reads.chatMessages(app, chatNumber, walk, page.limit() + 1)
                .orElseThrow(() -> new NotFoundException("chat"));
        List<Message> found = read.messages();
        List<Message> items = found.size() > page.limit() ? found.subList(0, page.limit()) : found;
        String next = found.size() > page.limit() ? encode(walk.below(items.getLast().number().value())) : null;
        return new Page<>(reads.views(read, items), next);
    }

    private static String encode(MessageRange walk) {
        return Cursors.encode(RANGED_CURSOR_KIND, walk.before(), text(walk.after()),
                text(walk.since() == null ? null : walk.since().toEpochMilli()),
                text(walk.until() == null ? null : walk.until().toEpochMilli()));
    }

    private static MessageRange decode(String cursor) {
        String[] parts;
        try {
            parts = Cursors.decode(cursor, RANGED_CURSOR_KIND, 4);
        } catch (InvalidValueException notRanged) {
            // A cursor issued before ranges existed: just the number the next page starts below.
            return MessageRange.ALL.below(Cursors.decodeLong(Cursors.decode(cursor, CURSOR_KIND, 1)[0]));
        }
        Long since = optionalLong(parts[2]);
        Long until = optionalLong(parts[3]);
        try {
            return new MessageRange(Cursors.decodeLong(parts[0]), optionalLong(parts[1]),
                    since == null ? null : Instant.ofEpochMilli(since), until == null ? null : Instant.ofEpochMilli(until));
        } catch (InvalidValueException | java.time.DateTimeException e) {
            throw new InvalidValueException("cursor", "is not a cursor returned by this API");
        }
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    private static Long optionalLong(String part) {
        return part.isEmpty() ? null : Cursors.decodeLong(part);
    }
}
