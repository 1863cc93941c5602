package org.saraban.signing.render.page;

import java.util.ArrayList;
import java.util.List;

import org.saraban.signing.render.text.Line;
import org.saraban.signing.render.text.LineBreaker;
import org.saraban.signing.render.text.Shaped;

/**
 * Builds the rows of a document from top to bottom: paragraphs broken into lines, labelled fields
 * whose value wraps under itself, columns side by side, rules and vertical space. Rows that must not
 * be parted (a paragraph's first two and last two lines, a signature block) are chained with
 * keep-with-next for the {@link Paginator}.
 */
public final class Flow {

    /** Most a justified line spreads its letters apart (in em): Thai "distributed" justification,
     *  kept well under the gap text extractors take for a word space. */
    private static final float MAX_LETTER_GAP_EM = 0.04f;
    /** Most a space may grow (in em) once letter spacing is used up; beyond it the line stays ragged. */
    private static final float MAX_SPACE_GROWTH_EM = 1.0f;

    private final List<Row> rows = new ArrayList<>();

    public List<Row> rows() {
        return rows;
    }

    /**
     * Lays out {@code text} (hard line breaks allowed) as lines between {@code x} and
     * {@code x + width}, the first line indented by {@code firstIndent}.
     */
    public static List<Piece> lines(String text, TextStyle style, float x, float width, float firstIndent,
            Align align) {
        List<Piece> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            Shaped shaped = style.face().shape(para);
            List<Line> lines = para.isEmpty()
                    ? List.of(new Line(shaped, new int[] {0}, 0, 0, 0, 0))
                    : LineBreaker.lines(shaped, style.size(), width - firstIndent, width);
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                float left = x + (i == 0 && out.isEmpty() ? firstIndent : 0);
                float avail = x + width - left;
                boolean last = i == lines.size() - 1;
                out.add(switch (align) {
                    case LEFT -> new Piece(style, left, line, 0, 0);
                    case CENTRE -> new Piece(style, left + (avail - line.width()) / 2, line, 0, 0);
                    case RIGHT -> new Piece(style, left + avail - line.width(), line, 0, 0);
                    case JUSTIFY -> last ? new Piece(style, left, line, 0, 0) : justified(style, left, avail, line);
                });
            }
        }
        return out;
    }

    private static Piece justified(TextStyle style, float left, float avail, Line line) {
        String text = line.text();
        int spaces = 0;
        int gaps = 0;
        for (int c = line.start() + 1; c < line.contentEnd(); c++) {
            boolean space = Character.isWhitespace(text.charAt(c - line.start() - 1));
            if (space) {
                spaces++;
            } else if (line.shaped().clusterStartsAt(c) && !Character.isWhitespace(text.charAt(c - line.start()))) {
                gaps++;
            }
        }
        float extra = avail - line.width();
        float perGap = gaps == 0 ? 0 : Math.min(extra / gaps, MAX_LETTER_GAP_EM * style.size());
        float rest = extra - perGap * gaps;
        float perSpace = spaces == 0 ? 0 : Math.min(rest / spaces, MAX_SPACE_GROWTH_EM * style.size());
        return new Piece(style, left, line, perSpace, perGap);
    }

    /** One row per line of a paragraph, which keeps its first two and its last two lines together. */
    public Flow paragraph(List<Piece> lines, float spaceBefore) {
        int first = rows.size();
        for (int i = 0; i < lines.size(); i++) {
            add(List.of(lines.get(i)), i == 0 ? spaceBefore : 0);
        }
        int n = rows.size() - first;
        if (n >= 2) {
            rows.get(first).keepWithNext();
            rows.get(rows.size() - 2).keepWithNext();
        }
        return this;
    }

    /**
     * Columns side by side: row {@code i} holds line {@code i} of every column that has one (a label
     * and its value, ที่ and the issuer's address, ที่ and วันที่ on a memo).
     */
    @SafeVarargs
    public final Flow columns(float spaceBefore, List<Piece>... columns) {
        int n = 0;
        for (List<Piece> col : columns) {
            n = Math.max(n, col.size());
        }
        for (int i = 0; i < n; i++) {
            List<Piece> row = new ArrayList<>();
            for (List<Piece> col : columns) {
                if (i < col.size()) {
                    row.add(col.get(i));
                }
            }
            add(row, i == 0 ? spaceBefore : 0);
        }
        return this;
    }

    /** A row of graphics only, {@code height} tall. */
    public Flow graphic(float height, float spaceBefore, Graphic graphic) {
        rows.add(new Row(List.of(), List.of(graphic), height, height, spaceBefore));
        return this;
    }

    /** Adds {@code graphic} to every row added since {@code mark} (dotted leaders under a field). */
    public Flow decorate(int mark, Graphic graphic) {
        for (int i = mark; i < rows.size(); i++) {
            rows.get(i).add(graphic);
        }
        return this;
    }

    /** Keeps the rows added since {@code mark} on one page. */
    public Flow keepTogether(int mark) {
        for (int i = Math.max(0, mark); i < rows.size() - 1; i++) {
            rows.get(i).keepWithNext();
        }
        return this;
    }

    /** Keeps the last {@code n} rows added so far with the row that comes next. */
    public Flow keepLastWithNext(int n) {
        for (int i = Math.max(0, rows.size() - n); i < rows.size(); i++) {
            rows.get(i).keepWithNext();
        }
        return this;
    }

    /** Where the next row will go, for {@link #keepTogether}. */
    public int mark() {
        return rows.size();
    }

    private void add(List<Piece> pieces, float spaceBefore) {
        float height = 0;
        float baseline = 0;
        for (Piece p : pieces) {
            height = Math.max(height, p.style().lineHeight());
            baseline = Math.max(baseline, p.style().face().baselineOffset(p.style().size()));
        }
        rows.add(new Row(pieces, List.of(), height, baseline, spaceBefore));
    }
}
