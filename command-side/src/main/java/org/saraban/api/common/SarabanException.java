package org.saraban.api.common;

import java.util.List;

/**
 * A broken rule, named by a stable {@link #code()} that clients may rely on. The web layer maps the
 * {@link #kind()} to an HTTP status; the message is for logs, never for clients.
 */
public abstract class SarabanException extends RuntimeException {

    /** What sort of refusal this is; decides the HTTP status at the edge. */
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, PRECONDITION_FAILED, UNAVAILABLE }

    private final String code;
    private final Kind kind;
    private final List<FieldError> errors;

    protected SarabanException(String code, Kind kind, String message) {
        this(code, kind, message, List.of());
    }

    protected SarabanException(String code, Kind kind, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
