package dev.chatplatform.application.service;

import dev.chatplatform.application.port.in.IndexMessagesUseCase;
import dev.chatplatform.application.port.out.MessageSearchIndex;
import dev.chatplatform.domain.message.Message;

import java.util.List;

public final class IndexMessagesService implements IndexMessagesUseCase {

    private final MessageSearchIndex index;

    public IndexMessagesService(MessageSearchIndex index) {
        this.index = index;
    }

    @Override
    public List<Message> index(List<Message> messages) {
        return messages.isEmpty() ? List.of() : index.indexAll(messages);
    }
}
