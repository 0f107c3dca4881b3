package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.user.UserId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Create takes a title and participants, retitle a title. Jackson rejects a {@code participants} that is
 * not an array (naming {@code participants}); its elements are taken as they come and checked here, by
 * position, because Jackson's list-of-strings reader loses its place on a nested array and then reports
 * no field at all.
 */
record ChatRequest(String title,
                   @ArraySchema(schema = @Schema(types = "string", description = "a user id")) List<Object> participants) {

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
            String field = "participants[" + i + "]";
            Object participant = participants.get(i);
            if (participant != null && !(participant instanceof String)) {
                throw new InvalidValueException(field, "has the wrong type");
            }
            ids.add(UserId.parse((String) participant, field));
        }
        return ids;
    }
}
