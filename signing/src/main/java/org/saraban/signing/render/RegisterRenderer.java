package org.saraban.signing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.saraban.signing.render.page.Align;
import org.saraban.signing.render.page.Canvas;
import org.saraban.signing.render.page.Flow;
import org.saraban.signing.render.page.Ink;
import org.saraban.signing.render.page.PdfPages;
import org.saraban.signing.render.page.Piece;
import org.saraban.signing.render.page.TextStyle;

/**
 * Renders a register book to PDF in the columns of its form, on A4 landscape: the book, agency and
 * year at the head of every page with the column headings repeated, each entry a ruled table row
 * whose cells wrap Thai at word boundaries. An entry is never split across pages. Each cell is written
 * whole before the next, so extracted text reads entry by entry, cell by cell. Thread-safe.
 */
public final class RegisterRenderer {

    private static final float WIDTH = A4.LANDSCAPE.getWidth();
    private static final float HEIGHT = A4.LANDSCAPE.getHeight();
    private static final float LEFT = A4.cm(1.5f);
    private static final float RIGHT = WIDTH - A4.cm(1.5f);
    private static final float TOP = A4.cm(1.5f);
    private static final float BOTTOM = HEIGHT - A4.cm(1.5f);
    /** Tables are set smaller than letters, as the paper books are. */
    private static final float SIZE = 14f;
    private static final float TITLE_SIZE = 18f;
    private static final float PAD = 3f;
    /** Column widths in cm, in the form's order, scaled to the width between the margins: wide enough
     *  for each heading and for a letter number or a date at 14 pt. */
    private static final float[] COLUMNS_CM = {2.6f, 3.9f, 3.5f, 3.0f, 3.0f, 6.3f, 2.3f, 2.1f};
    private static final List<String> HEADINGS = List.of("ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ");

    private final RenderConfig config;
    private final float[] columnX;

    public RegisterRenderer() {
        this(RenderConfig.defaults());
    }

    public RegisterRenderer(RenderConfig config) {
        this.config = config;
        columnX = new float[COLUMNS_CM.length + 1];
        columnX[0] = LEFT;
        float scale = (RIGHT - LEFT) / A4.cm(sum(COLUMNS_CM));
        for (int i = 0; i < COLUMNS_CM.length; i++) {
            columnX[i + 1] = columnX[i] + A4.cm(COLUMNS_CM[i]) * scale;
        }
    }

    public RenderedPdf render(RegisterForm register) {
        TextStyle regular = new TextStyle(config.fonts().regular(), SIZE, Ink.BLACK);
        TextStyle bold = new TextStyle(config.fonts().bold(), SIZE, Ink.BLACK);
        TextStyle title = new TextStyle(config.fonts().bold(), TITLE_SIZE, Ink.BLACK);
        String year = config.numerals().format(register.yearBE());

        List<String> headings = new ArrayList<>();
        headings.add(register.book().numberHeading());
        headings.addAll(HEADINGS);
        TableRow header = row(headings, bold, Align.CENTRE);
        List<TableRow> rows = new ArrayList<>();
        for (RegisterRow r : register.rows()) {
            String number = r.registeredOn() == null ? orEmpty(r.registerNumber())
                    : orEmpty(r.registerNumber()) + "\n" + r.registeredOn();
            rows.add(row(List.of(number, orEmpty(r.number()), orEmpty(r.dated()), orEmpty(r.from()), orEmpty(r.to()),
                    orEmpty(r.subject()), orEmpty(r.action()), orEmpty(r.remarks())), regular, Align.LEFT));
        }

        try (PdfPages pdf = new PdfPages()) {
            int i = 0;
            int page = 0;
            do {
                page++;
                Canvas c = pdf.newPage(A4.LANDSCAPE);
                float y = TOP;
                y = lines(c, register.book().title(), title, y);
                y = lines(c, register.agency() + " ประจำปี พ.ศ. " + year, regular, y);
                furniture(c, "หน้า " + config.numerals().format(page), regular, TOP);
                y += PAD;
                c.save();
                c.lineWidth(0.6f);
                c.strokeLine(LEFT, HEIGHT - y, RIGHT, HEIGHT - y);
                c.restore();
                y = header.draw(c, y);
                boolean first = true;
                while (i < rows.size() && (first || y + rows.get(i).height <= BOTTOM)) {
                    y = rows.get(i).draw(c, y);
                    i++;
                    first = false;
                }
                if (rows.isEmpty()) {
                    lines(c, "ไม่มีรายการ", regular, y + PAD);
                }
            } while (i < rows.size());
            byte[] bytes = pdf.save(register.book().title() + " " + register.agency() + " " + year);
            return new RenderedPdf(bytes, pdf.pageCount(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TableRow row(List<String> cells, TextStyle style, Align align) {
        List<List<Piece>> pieces = new ArrayList<>();
        int lines = 1;
        for (int k = 0; k < cells.size(); k++) {
            float x = columnX[k] + PAD;
            List<Piece> cell = Flow.lines(cells.get(k), style, x, columnX[k + 1] - PAD - x, 0, align);
            pieces.add(cell);
            lines = Math.max(lines, cell.size());
        }
        return new TableRow(pieces, style, lines * style.face().compactLineHeight(style.size()) + 2 * PAD);
    }

    /** Centred lines at {@code top}; returns the y under them. */
    private static float lines(Canvas c, String text, TextStyle style, float top) {
        float y = top;
        for (Piece p : Flow.lines(text, style, LEFT, RIGHT - LEFT, 0, Align.CENTRE)) {
            p.draw(c, HEIGHT - y - style.face().baselineOffset(style.size()));
            y += style.lineHeight();
        }
        return y;
    }

    private static void furniture(Canvas c, String text, TextStyle style, float top) {
        c.beginArtifact();
        for (Piece p : Flow.lines(text, style, LEFT, RIGHT - LEFT, 0, Align.RIGHT)) {
            p.draw(c, HEIGHT - top - style.face().baselineOffset(style.size()));
        }
        c.endMarkedContent();
    }

    /** A ruled row of cells; {@code height} covers its tallest cell. */
    private final class TableRow {
        final List<List<Piece>> cells;
        final TextStyle style;
        final float height;

        TableRow(List<List<Piece>> cells, TextStyle style, float height) {
            this.cells = cells;
            this.style = style;
            this.height = height;
        }

        /** Draws the row with its top at {@code top} (from the page top); returns its bottom. */
        float draw(Canvas c, float top) {
            float baseline = PAD + style.face().ascent(style.size());
            float pitch = style.face().compactLineHeight(style.size());
            for (List<Piece> cell : cells) {
                for (int line = 0; line < cell.size(); line++) {
                    cell.get(line).draw(c, HEIGHT - top - baseline - line * pitch);
                }
            }
            float bottom = top + height;
            c.save();
            c.lineWidth(0.6f);
            c.strokeLine(LEFT, HEIGHT - bottom, RIGHT, HEIGHT - bottom);
            for (float x : columnX) {
                c.strokeLine(x, HEIGHT - top, x, HEIGHT - bottom);
            }
            c.restore();
            return bottom;
        }
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
