package org.saraban.signing.pades;

import java.util.List;

/**
 * Where a signature shows on the page and what it says: the signer's name, position and the time of signing,
 * as the letter prints them (the caller formats Thai digits and Buddhist-Era dates).
 *
 * @param pageIndex zero-based page
 * @param x         lower-left corner, in points from the page's lower-left
 * @param y         lower-left corner, in points
 */
public record VisibleSignature(int pageIndex, float x, float y, float width, float height, List<String> lines) {
    public VisibleSignature {
        lines = List.copyOf(lines);
        if (pageIndex < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a visible signature needs a page and a positive size");
        }
    }
}
