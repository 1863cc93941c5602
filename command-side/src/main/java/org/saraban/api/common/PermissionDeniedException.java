package org.saraban.api.common;

/** The actor's role or position does not allow the command. Checked before any state change. */
public class PermissionDeniedException extends SarabanException {
    public PermissionDeniedException(String code, String message) {
        super(code, Kind.FORBIDDEN, message);
    }
}
