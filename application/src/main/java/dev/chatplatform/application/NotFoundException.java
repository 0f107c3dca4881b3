package dev.chatplatform.application;

/** The token, chat or message does not exist, or is not visible to the caller's application. */
public final class NotFoundException extends RuntimeException {

    private final String resource;

    public NotFoundException(String resource) {
        super(resource + " not found");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
