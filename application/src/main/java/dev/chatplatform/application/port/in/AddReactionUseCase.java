package dev.chatplatform.application.port.in;

import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageNumber;
import dev.chatplatform.domain.reaction.Reaction;
import dev.chatplatform.domain.reaction.ReactionScore;
import dev.chatplatform.domain.reaction.ReactionType;
import dev.chatplatform.domain.user.UserId;

import java.util.Objects;

public interface AddReactionUseCase {

    /**
     * Adds {@code score} to the user's reaction of this type (creating it at {@code score}); queued
     * durably, visible in the message at once. Answers the reaction with its new total score.
     */
    Reaction add(Command command);

    record Command(AppToken token, ChatNumber chat, MessageNumber message, UserId user, ReactionType type,
                   ReactionScore score) {
        public Command {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(type, "type");
            score = score == null ? ReactionScore.ONE : score;
        }
    }
}
