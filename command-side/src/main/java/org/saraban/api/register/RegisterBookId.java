package org.saraban.api.register;

import org.saraban.api.letter.RegisterBookType;

/** One register book: (agency, book, Buddhist year). Numbers in it run gapless from 1. */
public record RegisterBookId(String agencyCode, RegisterBookType book, int yearBE) {

    /** The aggregate identifier; agency codes are public letter codes, never personal data. */
    public String value() {
        return "register:" + agencyCode + ":" + book.path() + ":" + yearBE;
    }
}
