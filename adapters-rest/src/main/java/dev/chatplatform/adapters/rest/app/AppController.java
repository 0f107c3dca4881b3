package dev.chatplatform.adapters.rest.app;

import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.port.in.CreateAppUseCase;
import dev.chatplatform.application.port.in.GetAppUseCase;
import dev.chatplatform.application.port.in.RenameAppUseCase;
import dev.chatplatform.application.port.in.RotateAppTokenUseCase;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Applications. There is deliberately no list endpoint: tokens are credentials. */
@RestController
@Tag(name = "Applications")
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
public class AppController {

    private final CreateAppUseCase createApp;
    private final GetAppUseCase getApp;
    private final RenameAppUseCase renameApp;
    private final RotateAppTokenUseCase rotateToken;

    public AppController(CreateAppUseCase createApp, GetAppUseCase getApp, RenameAppUseCase renameApp,
                         RotateAppTokenUseCase rotateToken) {
        this.createApp = createApp;
        this.getApp = getApp;
        this.renameApp = renameApp;
        this.rotateToken = rotateToken;
    }

    @Operation(summary = "Create an application; the answer carries its token")
    @ApiResponse(responseCode = "201", description = "Created; Location names it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AppResponse> create(@RequestBody AppRequest request) {
        App app = createApp.create(new CreateAppUseCase.Command(new AppName(request.name())));
        return ResponseEntity.created(URI.create("/api/v1/applications/" + app.token().value()))
                .body(AppResponse.from(app));
    }

    @Operation(summary = "Read an application")
    @GetMapping("/{token}")
    public AppResponse get(@PathVariable String token) {
        return AppResponse.from(getApp.get(PathValues.token(token)));
    }

    @Operation(summary = "Rename an application")
    @RequestMapping(path = "/{token}", method = {RequestMethod.PATCH, RequestMethod.PUT},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public AppResponse rename(@PathVariable String token, @RequestBody AppRequest request) {
        return AppResponse.from(renameApp.rename(
                new RenameAppUseCase.Command(PathValues.token(token), new AppName(request.name()))));
    }

    @Operation(summary = "Give the application a new token",
            description = "The answer carries the new token. The old one stops working within seconds on every API "
                    + "instance; the application's chats, messages and users stay as they are.")
    @PostMapping("/{token}/token")
    public AppResponse rotateToken(@PathVariable String token) {
        return AppResponse.from(rotateToken.rotate(PathValues.token(token)));
    }
}
