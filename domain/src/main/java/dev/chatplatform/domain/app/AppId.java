package dev.chatplatform.domain.app;

/** Internal identity of an application; never shown to clients, and the future shard key. */
public record AppId(long value) {
    public AppId {
        if (value < 1) {
            throw new IllegalArgumentException("app id must be positive");
        }
    }
}
