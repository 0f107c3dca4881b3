package dev.chatplatform.application.service;

import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.ChatStore.InboxPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.Chat;

import java.time.Instant;
import java.util.List;

public final class ListChatsService implements ListChatsUseCase {

    private static final String CURSOR_KIND = "inbox";

    private final AppTokenResolver tokens;
    private final ChatStore chats;

    public ListChatsService(AppTokenResolver tokens, ChatStore chats) {
        this.tokens = tokens;
        this.chats = chats;
    }

    @Override
    public Page<Chat> list(AppToken token, PageRequest page) {
        AppId app = Tenancy.appOf(tokens, token);
        InboxPosition after = null;
        if (page.cursor() != null) {
            String[] parts = Cursors.decode(page.cursor(), CURSOR_KIND, 2);
            after = new InboxPosition(Instant.ofEpochMilli(Cursors.decodeLong(parts[0])), Cursors.decodeLong(parts[1]));
        }
        List<Chat> found = chats.page(app, after, page.limit() + 1);
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<Chat> items = found.subList(0, page.limit());
        Chat last = items.getLast();
        return new Page<>(items, Cursors.encode(CURSOR_KIND, last.activityAt().toEpochMilli(), last.number().value()));
    }
}
