package dev.chatplatform.adapters.rest.problem;

import java.io.IOException;

/** Thrown while reading a body that grows past the limit without announcing its length. */
public final class RequestTooLargeException extends IOException {
    public RequestTooLargeException() {
        super("request body over " + RequestSizeLimitFilter.MAX_BYTES + " bytes");
    }
}
