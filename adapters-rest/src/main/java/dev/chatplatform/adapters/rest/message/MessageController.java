package dev.chatplatform.adapters.rest.message;

import dev.chatplatform.adapters.rest.PageResponse;
import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateMessageUseCase;
import dev.chatplatform.application.port.in.EditMessageUseCase;
import dev.chatplatform.application.port.in.GetMessageUseCase;
import dev.chatplatform.application.port.in.ListMessagesUseCase;
import dev.chatplatform.application.port.in.SearchMessagesUseCase;
import dev.chatplatform.domain.message.Message;
import dev.chatplatform.domain.message.MessageBody;
import io.swagger.v3.oas.annotations.Operation;
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
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MessageResponse> create(@PathVariable String token, @PathVariable long chatNumber,
                                                  @RequestBody MessageRequest request) {
        Message message = createMessage.create(new CreateMessageUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), new MessageBody(request.body())));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/chats/" + chatNumber
                + "/messages/" + message.number().value())).body(MessageResponse.from(message));
    }

    @Operation(summary = "A chat's messages, newest first")
    @GetMapping
    public PageResponse<MessageResponse> list(@PathVariable String token, @PathVariable long chatNumber,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) String cursor) {
        return PageResponse.of(listMessages.list(PathValues.token(token), PathValues.chatNumber(chatNumber),
                PageRequest.of(limit, cursor)), MessageResponse::from);
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
        return MessageResponse.from(editMessage.edit(new EditMessageUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), PathValues.messageNumber(number), new MessageBody(request.body()))));
    }
}
