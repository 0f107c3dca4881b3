package dev.chatplatform.adapters.rest.reaction;

import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.port.in.AddReactionUseCase;
import dev.chatplatform.domain.reaction.Reaction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Reactions")
@RequestMapping(path = "/api/v1/applications/{token}/chats/{chatNumber}/messages/{messageNumber}/reactions",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class ReactionController {

    private final AddReactionUseCase addReaction;

    public ReactionController(AddReactionUseCase addReaction) {
        this.addReaction = addReaction;
    }

    /**
     * A reaction has no URL of its own (it is one (user, type) of its message), so Location points at
     * the message, where it shows in {@code reaction_counts} and {@code latest_reactions}.
     */
    @Operation(summary = "React to a message; the same user and type again adds to the score (claps)")
    @ApiResponse(responseCode = "201", description = "Added; Location names the message, which now shows it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ReactionResponse> add(@PathVariable String token, @PathVariable long chatNumber,
                                                @PathVariable long messageNumber,
                                                @RequestBody ReactionRequest request) {
        Reaction reaction = addReaction.add(new AddReactionUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), PathValues.messageNumber(messageNumber), request.validUser(),
                request.validType(), request.optionalScore()));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/chats/" + chatNumber
                + "/messages/" + messageNumber)).body(ReactionResponse.from(reaction));
    }
}
