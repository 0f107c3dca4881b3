package dev.chatplatform.application.service;

import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageSearchIndex.Hit;
import dev.chatplatform.application.port.out.MessageSearchIndex.SearchPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.Message;

import java.util.List;

public final class SearchMessagesService implements SearchMessagesUseCase {

    private static final String CURSOR_KIND = "search";

    private final AppTokenResolver tokens;
    private final ChatReads reads;
    private final MessageSearchIndex index;

    public SearchMessagesService(AppTokenResolver tokens, ChatReads reads, MessageSearchIndex index) {
        this.tokens = tokens;
        this.reads = reads;
        this.index = index;
    }

    @Override
    public Page<Message> search(Query query) {
        AppId app = Tenancy.appOf(tokens, query.token());
        SearchPosition after = null;
        if (query.page().cursor() != null) {
            String[] parts = Cursors.decode(query.page().cursor(), CURSOR_KIND, 2);
            try {
                after = new SearchPosition(Double.parseDouble(parts[0]), Cursors.decodeLong(parts[1]));
            } catch (NumberFormatException e) {
                Cursors.decodeLong("not a number");
            }
        }
        int limit = query.page().limit();
        List<Hit> hits = index.search(app, query.chat(), query.text(), after, limit + 1).hits();
        if (hits.isEmpty() && after == null && !reads.chatExists(app, query.chat())) {
            throw new NotFoundException("chat");
        }
        List<Message> messages = hits.stream().limit(limit).map(Hit::message).toList();
        if (hits.size() <= limit) {
            return new Page<>(messages, null);
        }
        Hit last = hits.get(limit - 1);
        return new Page<>(messages, Cursors.encode(CURSOR_KIND, last.score(), last.message().number().value()));
    }
}
