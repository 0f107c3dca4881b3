package dev.chatplatform.domain;

/**
 * A value broke one of the domain's rules. It names the field as the client spelled it, so that the
 * same message reaches an HTTP caller (as a 400 problem detail) and a worker log (as a poison command).
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidValueException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
