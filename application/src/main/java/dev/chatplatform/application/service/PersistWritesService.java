package dev.chatplatform.application.service;

import dev.chatplatform.application.DependencyUnavailableException;
import dev.chatplatform.application.port.in.PersistWritesUseCase;
import dev.chatplatform.application.port.out.ChatStore;
import dev.chatplatform.application.port.out.MessageStore;
import dev.chatplatform.application.port.out.PendingWrites;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.message.Message;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Stores queued states idempotently, then lets the pending copies go. Settling is best effort: a
 * pending copy that outlives its write is harmless (reads pick the newer state, equal states agree).
 */
public final class PersistWritesService implements PersistWritesUseCase {

    private static final System.Logger LOG = System.getLogger(PersistWritesService.class.getName());

    private final ChatStore chats;
    private final MessageStore messages;
    private final PendingWrites pending;

    public PersistWritesService(ChatStore chats, MessageStore messages, PendingWrites pending) {
        this.chats = chats;
        this.messages = messages;
        this.pending = pending;
    }

    @Override
    public void persist(List<Chat> chatStates, List<Message> messageStates) {
        if (!chatStates.isEmpty()) {
            chats.saveAll(chatStates);
        }
        if (!messageStates.isEmpty()) {
            messages.saveAll(messageStates);
        }
        try {
            if (!chatStates.isEmpty()) {
                pending.settleChats(chatStates);
            }
            if (!messageStates.isEmpty()) {
                pending.settleMessages(messageStates);
            }
        } catch (DependencyUnavailableException e) {
            LOG.log(Level.WARNING, "persisted, but could not settle pending writes: {0}", e.getMessage());
        }
    }
}
