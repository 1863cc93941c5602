package org.saraban.signing.render;

/**
 * A rendered PDF, its page count, and where the signature goes: the blank space the form leaves
 * above the signatory's name, for a visible signature appearance (null when nobody signs).
 */
public record RenderedPdf(byte[] pdf, int pages, SignatureBox signature) {

    /**
     * @param page zero-based page index
     * @param x left edge, points from the page's left
     * @param y bottom edge, points from the page's bottom
     */
    public record SignatureBox(int page, float x, float y, float width, float height) {
    }
}
