package dev.chatplatform.application.port.out.violation;

import dev.chatplatform.application.port.in.CreateMessageUseCase;

/** Throwaway: an out-port that speaks an in-port (ArchitectureRulesFailTest). */
public interface OutPortNeedsAUseCase {

    CreateMessageUseCase useCase();
}
