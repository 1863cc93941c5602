package org.saraban.api.register;

import org.saraban.api.common.SarabanException;

public class RegisterException extends SarabanException {
    public RegisterException(String code, String message) {
        super(code, Kind.CONFLICT, message);
    }
}
