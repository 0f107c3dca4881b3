package dev.chatplatform.adapters.rest.receipt;

import dev.chatplatform.adapters.rest.PathValues;
import dev.chatplatform.application.port.in.PostReceiptUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Delivered and read cursors per (chat, user): 200, not 201, since a receipt moves state rather than creating it. */
@RestController
@Tag(name = "Receipts")
@RequestMapping(path = "/api/v1/applications/{token}/chats/{chatNumber}/receipts",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class ReceiptController {

    private final PostReceiptUseCase postReceipt;

    public ReceiptController(PostReceiptUseCase postReceipt) {
        this.postReceipt = postReceipt;
    }

    @Operation(summary = "Move a user's delivered and read cursors forward; a cursor behind is ignored, read implies "
            + "delivered; answers the cursors as they now are")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ReceiptResponse post(@PathVariable String token, @PathVariable long chatNumber,
                                @RequestBody ReceiptRequest request) {
        return ReceiptResponse.from(postReceipt.post(new PostReceiptUseCase.Command(PathValues.token(token),
                PathValues.chatNumber(chatNumber), request.validUser(), request.deliveredUpTo(), request.readUpTo())));
    }
}
