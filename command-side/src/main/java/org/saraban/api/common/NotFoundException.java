package org.saraban.api.common;

/** Unknown, or not visible to the caller: the two are deliberately indistinguishable. */
public class NotFoundException extends SarabanException {
    public NotFoundException(String code, String message) {
        super(code, Kind.NOT_FOUND, message);
    }
}
