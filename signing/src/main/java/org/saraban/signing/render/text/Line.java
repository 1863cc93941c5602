package org.saraban.signing.render.text;

/**
 * One line cut from a shaped paragraph: chars {@code [start, end)}, where {@code end} includes the
 * spaces the line broke at (they are drawn, invisibly, so text extraction keeps them) and
 * {@code contentEnd} does not. {@code breaks} are the paragraph's word boundaries; each word becomes
 * its own {@code /ActualText} span.
 */
public record Line(Shaped shaped, int[] breaks, int start, int end, int contentEnd, float width) {

    /** The line's text as typed, trailing spaces included. */
    public String text() {
        return shaped.text().substring(start, end);
    }
}
