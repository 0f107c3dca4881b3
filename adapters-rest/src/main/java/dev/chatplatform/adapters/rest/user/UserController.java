package dev.chatplatform.adapters.rest.user;

import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.port.in.GetUserUseCase;
import dev.chatplatform.application.port.in.PutUserUseCase;
import dev.chatplatform.domain.app.AppToken;
import dev.chatplatform.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** An application's end users (contacts). The client app chooses the id, so a PUT creates or replaces. */
@RestController
@Tag(name = "Users")
@RequestMapping(path = "/api/v1/applications/{token}/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {

    private final PutUserUseCase putUser;
    private final GetUserUseCase getUser;

    public UserController(PutUserUseCase putUser, GetUserUseCase getUser) {
        this.putUser = putUser;
        this.getUser = getUser;
    }

    @Operation(summary = "Create a user (201) or replace its name and phone (200); a missing phone clears it")
    @ApiResponse(responseCode = "201", description = "Created; Location names the user")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @PutMapping(path = "/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserResponse> put(@PathVariable String token, @PathVariable String userId,
                                            @RequestBody UserRequest request) {
        AppToken app = PathValues.token(token);
        UserId id = UserId.parse(userId, "user_id");
        PutUserUseCase.Result result = putUser.put(
                new PutUserUseCase.Command(app, id, request.validName(), request.optionalPhone()));
        UserResponse body = UserResponse.from(result.user());
        if (!result.created()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/v1/applications/" + token + "/users/" + id.value())).body(body);
    }

    @Operation(summary = "Read a user")
    @GetMapping("/{userId}")
    public UserResponse get(@PathVariable String token, @PathVariable String userId) {
        return UserResponse.from(getUser.get(PathValues.token(token), UserId.parse(userId, "user_id")));
    }
}
