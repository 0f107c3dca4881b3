package dev.chatplatform.adapters.rest.chat;

import dev.chatplatform.adapters.rest.PageResponse;
import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.PageRequest;
import dev.chatplatform.application.port.in.CreateChatUseCase;
import dev.chatplatform.application.port.in.GetChatUseCase;
import dev.chatplatform.application.port.in.ListChatsUseCase;
import dev.chatplatform.application.port.in.RetitleChatUseCase;
import dev.chatplatform.domain.chat.Chat;
import dev.chatplatform.domain.chat.ChatTitle;
import io.swagger.v3.oas.annotations.Operation;
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
    @PostMapping
    public ResponseEntity<ChatResponse> create(@PathVariable String token,
                                               @RequestBody(required = false) ChatRequest request) {
        ChatTitle title = request == null ? null : request.optionalTitle();
        Chat chat = createChat.create(new CreateChatUseCase.Command(PathValues.token(token), title));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/chats/" + chat.number().value()))
                .body(ChatResponse.from(chat));
    }

    @Operation(summary = "The inbox: chats by most recent activity")
    @GetMapping
    public PageResponse<ChatResponse> list(@PathVariable String token,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor) {
        return PageResponse.of(listChats.list(PathValues.token(token), PageRequest.of(limit, cursor)), ChatResponse::from);
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
        return ChatResponse.from(retitleChat.retitle(new RetitleChatUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(number), new ChatTitle(request.title()))));
    }
}
