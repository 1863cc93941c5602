package org.saraban.web.support;

import java.util.List;

import org.saraban.api.common.FieldError;

/** An upload of the wrong kind (e.g. a scan that is not a PDF): 415. */
public class UnsupportedMediaException extends RuntimeException {

    private final List<FieldError> errors;

    public UnsupportedMediaException(String field, String reason) {
        super(reason, null, false, false);
        this.errors = List.of(new FieldError(field, reason));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
