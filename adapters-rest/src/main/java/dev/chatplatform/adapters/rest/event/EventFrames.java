package dev.chatplatform.adapters.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chatplatform.adapters.rest.Json;
import dev.chatplatform.adapters.rest.message.MessageResponse;
import dev.chatplatform.adapters.rest.receipt.ReceiptResponse;
import dev.chatplatform.application.ChatEvent;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.domain.reaction.Reaction;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's frame: {@code {"type", "chat_number", "message_number"?, "data"}}, {@code data} shaped like
 * the REST answer for the same thing (snake_case, timestamps with milliseconds). A message event's
 * {@code status} is {@code sent} and its reaction fields are empty: the event is the message's own state,
 * its reactions come as {@code reaction.added} and its status follows from {@code receipt.updated}.
 */
public final class EventFrames {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private EventFrames() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Frame(String type, long chatNumber, Long messageNumber, Object data) {
    }

    /** A reaction as REST answers it, plus the message it is on. */
    record ReactionData(long messageNumber, String userId, String type, long score, String createdAt, String updatedAt) {
        static ReactionData from(Reaction reaction) {
            return new ReactionData(reaction.message().value(), reaction.user().value(), reaction.type().value(),
                    reaction.score(), Json.timestamp(reaction.createdAt()), Json.timestamp(reaction.updatedAt()));
        }
    }

    public static String encode(ChatEvent event) {
        Frame frame = switch (event) {
            case ChatEvent.MessageChanged changed -> new Frame(event.kind().wireName(), event.chat().value(),
                    changed.message().number().value(), MessageResponse.from(MessageView.sent(changed.message())));
            case ChatEvent.ReactionChanged changed -> new Frame(event.kind().wireName(), event.chat().value(),
                    changed.reaction().message().value(), ReactionData.from(changed.reaction()));
            case ChatEvent.ReceiptChanged changed -> new Frame(event.kind().wireName(), event.chat().value(), null,
                    ReceiptResponse.from(changed.receipt()));
        };
        return JSON.writeValueAsString(frame);
    }
}
