package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.adapters.rest.PageResponse;
import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.ChatView;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.domain.InvalidValueException;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.chat.ChatTitle;
import dev.chatplatform.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@Tag(name = "Chats")
@RequestMapping(path = "/api/v1/applications/{token}/chats", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChatController {

    private final CreateChatUseCase createChat;
    private final GetChatUseCase getChat;
    private final ListChatsUseCase listChats;
    private final RetitleChatUseCase retitleChat;

    public ChatController(CreateChatUseCase createChat, GetChatUseCase getChat, ListChatsUseCase listChats,
                          RetitleChatUseCase retitleChat) {
        this.createChat = createChat;
        this.getChat = getChat;
        this.listChats = listChats;
        this.retitleChat = retitleChat;
    }

    @Operation(summary = "Create a chat; 201 once the command is durable, with the chat's number")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @PostMapping
    public ResponseEntity<ChatResponse> create(@PathVariable String token,
                                               @RequestBody(required = false) ChatRequest request) {
        AppToken app = PathValues.token(token);
        ChatTitle title = request == null ? null : request.optionalTitle();
        List<UserId> participants = request == null ? List.of() : request.participantIds();
        ChatView chat = createChat.create(new CreateChatUseCase.Command(app, title, participants));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/chats/"
                + chat.chat().number().value())).body(ChatResponse.from(chat));
    }

    @Operation(summary = "The inbox: chats by most recent activity; q finds chats by title, a participant's name "
            + "or phone, or a message body; participant keeps one user's chats")
    @GetMapping
    public PageResponse<ChatResponse> list(@PathVariable String token,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) String participant) {
        AppToken app = PathValues.token(token);
        UserId user = participant == null ? null : UserId.parse(participant, "participant");
        return PageResponse.of(listChats.list(new ListChatsUseCase.Query(app, q, user, PageRequest.of(limit, cursor))),
                ChatResponse::from);
    }

    @Operation(summary = "Read a chat")
    @GetMapping("/{number}")
    public ChatResponse get(@PathVariable String token, @PathVariable long number) {
        return ChatResponse.from(getChat.get(PathValues.token(token), PathValues.chatNumber(number)));
    }

    @Operation(summary = "Change a chat's title")
    @PatchMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ChatResponse retitle(@PathVariable String token, @PathVariable long number,
                                @RequestBody ChatRequest request) {
        if (request.participants() != null) {
            // Participants are written once, at creation; silently ignoring them would look like success.
            throw new InvalidValueException("participants", "are set when the chat is created and cannot be changed");
        }
        return ChatResponse.from(retitleChat.retitle(new RetitleChatUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(number), request.requiredTitle())));
    }
}
