package dev.chatplatform.application.service;

import dev.chatplatform.application.Cursors;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.NotFoundException;
import dev.chatplatform.application.Page;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.application.port.out.AppTokenResolver;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.application.port.out.MessageSearchIndex.Hit;
import dev.chatplatform.application.port.out.MessageSearchIndex.SearchPosition;
import dev.chatplatform.domain.app.AppId;
import dev.chatplatform.domain.message.MessageNumber;

import java.util.List;

/**
 * The index decides which messages match and in what order; what each hit says (its body right now,
 * its reactions, its status) comes from the same reads as every other answer.
 */
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
    public Page<MessageView> search(Query query) {
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
        // The index first: which chats exist is the stores' to say, and the hits tell the reads which messages to
        // fetch along with the chat (one read of the pending store for both). An unknown chat has no hits.
        List<Hit> hits = index.search(app, query.chat(), query.text(), after, limit + 1).hits();
        List<MessageNumber> found = hits.stream().limit(limit).map(Hit::number).toList();
        ChatReads.ChatMessages read = reads.chatMessagesFound(app, query.chat(), found)
                .orElseThrow(() -> new NotFoundException("chat"));
        List<MessageView> views = reads.views(read, read.messages());
        if (hits.size() <= limit) {
            return new Page<>(views, null);
        }
        Hit last = hits.get(limit - 1);
        return new Page<>(views, Cursors.encode(CURSOR_KIND, last.score(), last.number().value()));
    }
}
