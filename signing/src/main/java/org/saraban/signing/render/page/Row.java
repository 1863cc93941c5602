package org.saraban.signing.render.page;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the page flow: text pieces side by side on a common baseline, and graphics. The
 * paginator moves rows, never pieces, so a label and the first line of its value stay together.
 */
public final class Row {

    private final List<Piece> pieces;
    private final List<Graphic> graphics;
    private final float height;
    private final float baselineOffset;
    private final float spaceBefore;
    private boolean keepWithNext;

    Row(List<Piece> pieces, List<Graphic> graphics, float height, float baselineOffset, float spaceBefore) {
        this.pieces = List.copyOf(pieces);
        this.graphics = new ArrayList<>(graphics);
        this.height = height;
        this.baselineOffset = baselineOffset;
        this.spaceBefore = spaceBefore;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    public float height() {
        return height;
    }

    /** From the row's top to its baseline. */
    public float baselineOffset() {
        return baselineOffset;
    }

    /** Space above the row, dropped when the row starts a page. */
    public float spaceBefore() {
        return spaceBefore;
    }

    public boolean keepsWithNext() {
        return keepWithNext;
    }

    void keepWithNext() {
        keepWithNext = true;
    }

    void add(Graphic graphic) {
        graphics.add(graphic);
    }

    public void draw(Canvas c, float baseline) {
        for (Graphic g : graphics) {
            g.draw(c, baseline);
        }
        for (Piece p : pieces) {
            p.draw(c, baseline);
        }
    }
}
