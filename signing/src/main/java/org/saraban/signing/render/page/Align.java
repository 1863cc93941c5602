package org.saraban.signing.render.page;

/** How a paragraph's lines sit between its margins. */
public enum Align {
    LEFT,
    CENTRE,
    RIGHT,
    /** Flush both sides except the last line, as the forms' body text is set. */
    JUSTIFY
}
