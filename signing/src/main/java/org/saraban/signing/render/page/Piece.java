package org.saraban.signing.render.page;

import org.saraban.signing.render.text.Line;

/**
 * One line of text placed at {@code x} (points from the page's left edge), justified by adding
 * {@code perSpace} after each inner space and {@code perGap} between letters.
 */
public record Piece(TextStyle style, float x, Line line, float perSpace, float perGap) {

    /** The text as written, trailing spaces included. */
    public String text() {
        return line.text();
    }

    public void draw(Canvas c, float baseline) {
        boolean coloured = style.ink() != Ink.BLACK;
        if (coloured) {
            c.save();
            style.ink().fill(c);
        }
        c.text(style.face(), style.size(), x, baseline, line, perSpace, perGap);
        if (coloured) {
            c.restore();
        }
    }
}
