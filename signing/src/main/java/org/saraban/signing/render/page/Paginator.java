package org.saraban.signing.render.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Deals rows onto pages. All distances are from the page's top edge, in points. A page breaks after
 * the last row that does not keep with its successor; a chain too long for a page breaks where it
 * must. Space before a row that opens a page is dropped.
 */
public final class Paginator {

    private Paginator() {
    }

    /** A row and the distance from the page top to its baseline. */
    public record Placed(Row row, float baselineFromTop) {
    }

    /**
     * @param firstTop where rows start on page one (below its heading)
     * @param otherTop where rows start on later pages (below the page number)
     * @param bottom the lowest a row's bottom may reach
     * @param lastBottom the lowest it may reach on the last page, which keeps no room for what a page
     *        that continues prints at its foot
     */
    public static List<List<Placed>> paginate(List<Row> rows, float firstTop, float otherTop, float bottom,
            float lastBottom) {
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        float y = firstTop;
        int i = 0;
        while (i < rows.size()) {
            Row r = rows.get(i);
            float space = page.isEmpty() ? 0 : r.spaceBefore();
            if (page.isEmpty() || y + space + r.height() <= bottom || restFits(rows, i, y, lastBottom)) {
                y += space;
                page.add(new Placed(r, y + r.baselineOffset()));
                indexes.add(i);
                y += r.height();
                i++;
                continue;
            }
            int cut = page.size();
            while (cut > 0 && page.get(cut - 1).row().keepsWithNext()) {
                cut--;
            }
            if (cut == 0) {
                cut = page.size();
            }
            i = indexes.get(cut - 1) + 1;
            pages.add(new ArrayList<>(page.subList(0, cut)));
            page.clear();
            indexes.clear();
            y = otherTop;
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** Whether rows {@code from} to the end fit below {@code y} down to {@code bottom}. */
    private static boolean restFits(List<Row> rows, int from, float y, float bottom) {
        for (int i = from; i < rows.size(); i++) {
            y += rows.get(i).spaceBefore() + rows.get(i).height();
        }
        return y <= bottom;
    }
}
