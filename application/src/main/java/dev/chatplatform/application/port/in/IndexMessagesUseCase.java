package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.message.Message;

import java.util.List;

public interface IndexMessagesUseCase {

    /** Indexes a batch; returns the messages the index rejected for good (poison). */
    List<Message> index(List<Message> messages);
}
