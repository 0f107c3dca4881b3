package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.user.UserId;

import java.util.ArrayList;
import java.util.List;

/**
 * Create takes a title and participants, retitle a title. {@code participants} is a list of strings so
 * that Jackson rejects anything but an array (naming {@code participants}) and anything but a string
 * inside it (naming {@code participants[i]}); the ids themselves are checked here, by position.
 */
record ChatRequest(String title, List<String> participants) {

    ChatTitle optionalTitle() {
        return title == null ? null : new ChatTitle(title);
    }

    ChatTitle requiredTitle() {
        return new ChatTitle(title);
    }

    List<UserId> participantIds() {
        if (participants == null) {
            return List.of();
        }
        List<UserId> ids = new ArrayList<>(participants.size());
        for (int i = 0; i < participants.size(); i++) {
            ids.add(UserId.parse(participants.get(i), "participants[" + i + "]"));
        }
        return ids;
    }
}
