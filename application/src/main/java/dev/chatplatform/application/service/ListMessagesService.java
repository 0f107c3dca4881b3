package dev.chatplatform.application.service;

import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.Message;

import java.util.List;

/** Keyset pages by message number, newest first: new messages never shift a page a client is walking. */
public final class ListMessagesService implements ListMessagesUseCase {

    private static final String CURSOR_KIND = "messages";

    private final AppTokenResolver tokens;
    private final ChatReads reads;

    public ListMessagesService(AppTokenResolver tokens, ChatReads reads) {
        this.tokens = tokens;
        this.reads = reads;
    }

    @Override
    public Page<Message> list(AppToken token, ChatNumber chat, PageRequest page) {
        AppId app = Tenancy.appOf(tokens, token);
        long below = page.cursor() == null
                ? Long.MAX_VALUE
                : Cursors.decodeLong(Cursors.decode(page.cursor(), CURSOR_KIND, 1)[0]);
        List<Message> found = reads.messagesBelow(app, chat, below, page.limit() + 1);
        if (found.isEmpty() && page.cursor() == null && !reads.chatExists(app, chat)) {
            throw new NotFoundException("chat");
        }
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<Message> items = found.subList(0, page.limit());
        return new Page<>(items, Cursors.encode(CURSOR_KIND, items.getLast().number().value()));
    }
}
