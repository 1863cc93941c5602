package org.saraban.api.common;

import java.util.List;

/** Field values that break a rule (per-kind required fields, lengths, combinations). */
public class InvalidFieldsException extends SarabanException {
    public InvalidFieldsException(String code, List<FieldError> errors) {
        super(code, Kind.INVALID, code + ": " + errors, errors);
    }
}
