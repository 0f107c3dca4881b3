package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.PageResponse;
import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.MessageView;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatNumber;
import dev.chatplatform.domain.message.MessageRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Messages")
@RequestMapping(path = "/api/v1/applications/{token}/chats/{chatNumber}/messages",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class MessageController {

    private final CreateMessageUseCase createMessage;
    private final GetMessageUseCase getMessage;
    private final ListMessagesUseCase listMessages;
    private final EditMessageUseCase editMessage;
    private final SearchMessagesUseCase searchMessages;

    public MessageController(CreateMessageUseCase createMessage, GetMessageUseCase getMessage,
                             ListMessagesUseCase listMessages, EditMessageUseCase editMessage,
                             SearchMessagesUseCase searchMessages) {
        this.createMessage = createMessage;
        this.getMessage = getMessage;
        this.listMessages = listMessages;
        this.editMessage = editMessage;
        this.searchMessages = searchMessages;
    }

    @Operation(summary = "Post a message; 201 once the command is durable, with the message's number")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageResponse> create(@PathVariable String token, @PathVariable long chatNumber,
                                                  @RequestBody MessageRequest request) {
        MessageView message = createMessage.create(new CreateMessageUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), request.validBody(), request.optionalSender()));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/chats/" + chatNumber
                + "/messages/" + message.message().number().value())).body(MessageResponse.from(message));
    }

    @Operation(summary = "A chat's messages, newest first; before/after (exclusive message numbers) and "
            + "since/until (inclusive timestamps) narrow the list")
    @GetMapping
    public PageResponse<MessageResponse> list(@PathVariable String token, @PathVariable long chatNumber,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) String cursor,
                                              @RequestParam(required = false) Long before,
                                              @RequestParam(required = false) Long after,
                                              @RequestParam(required = false) String since,
                                              @RequestParam(required = false) String until) {
        AppToken app = PathValues.token(token);
        ChatNumber chat = PathValues.chatNumber(chatNumber);
        MessageRange range = RangeParameters.of(before, after, since, until);
        return PageResponse.of(listMessages.list(app, chat, range, PageRequest.of(limit, cursor)), MessageResponse::from);
    }

    @Operation(summary = "Messages whose body contains q, case-insensitively; best match first, then newest")
    @GetMapping("/search")
    public PageResponse<MessageResponse> search(@PathVariable String token, @PathVariable long chatNumber,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) String cursor) {
        return PageResponse.of(searchMessages.search(new SearchMessagesUseCase.Query(PathValues.token(token),
                PathValues.chatNumber(chatNumber), q, PageRequest.of(limit, cursor))), MessageResponse::from);
    }

    @Operation(summary = "Read a message")
    @GetMapping("/{number}")
    public MessageResponse get(@PathVariable String token, @PathVariable long chatNumber, @PathVariable long number) {
        return MessageResponse.from(getMessage.get(PathValues.token(token), PathValues.chatNumber(chatNumber),
                PathValues.messageNumber(number)));
    }

    @Operation(summary = "Edit a message's body")
    @RequestMapping(path = "/{number}", method = {RequestMethod.PATCH, RequestMethod.PUT},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public MessageResponse edit(@PathVariable String token, @PathVariable long chatNumber, @PathVariable long number,
                                @RequestBody MessageRequest request) {
        if (request.sender() != null) {
            // The sender is written once, with the message; silently ignoring it would look like success.
            throw new InvalidValueException("sender", "is set when the message is posted and cannot be changed");
        }
        return MessageResponse.from(editMessage.edit(new EditMessageUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), PathValues.messageNumber(number), request.validBody())));
    }
}
