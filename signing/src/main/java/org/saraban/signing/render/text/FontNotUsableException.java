package org.saraban.signing.render.text;

/** A configured font file that cannot typeset a Thai letter; says which file and why. */
public class FontNotUsableException extends RuntimeException {

    private final String font;

    public FontNotUsableException(String font, String reason) {
        super("font " + font + " " + reason);
        this.font = font;
    }

    /** Where the font came from (a path or a resource name). */
    public String font() {
        return font;
    }
}
