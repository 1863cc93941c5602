package org.saraban.api.letter;

import org.saraban.api.common.SarabanException;

/** A letter rule refused the command; {@link #code()} names which (e.g. LETTER_ALREADY_DISPATCHED). */
public class LetterException extends SarabanException {

    public LetterException(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static LetterException conflict(String code, String message) {
        return new LetterException(code, Kind.CONFLICT, message);
    }

    public static LetterException forbidden(String code, String message) {
        return new LetterException(code, Kind.FORBIDDEN, message);
    }

    public static LetterException notFound(String letterId) {
        return new LetterException("LETTER_NOT_FOUND", Kind.NOT_FOUND, "no letter " + letterId);
    }
}
