package org.saraban.signing.render.page;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.cos.COSName;
import org.saraban.signing.render.page.DocumentResources.EmbeddedFont;
import org.saraban.signing.render.text.FontFace;
import org.saraban.signing.render.text.Line;
import org.saraban.signing.render.text.LineBreaker;
import org.saraban.signing.render.text.Shaped;

/**
 * Writes one page's content stream. Text goes in as the shaper positioned it: glyph ids (the CIDs of
 * an Identity-H Type0 font) in {@code TJ} arrays whose numbers carry every offset the font's widths do
 * not, a text rise ({@code Ts}) for marks stacked above or below their base, and each word in a
 * {@code /Span} with {@code /ActualText}, so copy-paste and text extraction return the exact source
 * text instead of whatever glyph-to-Unicode mapping the subset happens to have (DESIGN.md §5).
 *
 * <p>Coordinates are PDF user space: points, origin bottom left.
 */
public final class Canvas {

    /** Largest gap (1/1000 em) left between a glyph's end and the next glyph: well under the half space
     *  at which extractors start a new word. */
    private static final float MAX_GAP = 50f;
    private static final float MAX_GAP_AFTER_MARK = 5f;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final DocumentResources resources;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    private boolean inArray;
    /** The text rise in force inside the current BT/ET. */
    private float rise;
    /** The last glyph shown has no advance of its own (a Thai mark). */
    private boolean afterMark;

    public Canvas(DocumentResources resources) {
        this.resources = resources;
    }

    /** Draws a whole run on one line, starting at {@code x} on baseline {@code y}. */
    public void text(FontFace face, float size, float x, float y, Shaped run) {
        int[] breaks = LineBreaker.wordBreaks(run.text());
        int len = run.text().length();
        text(face, size, x, y, new Line(run, breaks, 0, len, len, run.width(size)), 0, 0);
    }

    /**
     * Draws a line. {@code perSpace} is added after every space inside the line and {@code perGap}
     * between letters, both in points, to justify it; trailing spaces get nothing.
     */
    public void text(FontFace face, float size, float x, float y, Line line, float perSpace, float perGap) {
        EmbeddedFont font = resources.font(face);
        Shaped s = line.shaped();
        String text = s.text();
        float spaceUnits = perSpace * 1000f / size;
        float gapUnits = perGap * 1000f / size;
        float x0 = s.xAt(line.start());
        ascii("BT\n/").ascii(font.name().getName()).ascii(" ").number(size).ascii(" Tf\n1 0 0 1 ")
                .number(x).ascii(" ").number(y).ascii(" Tm\n");
        float pen = 0;
        float extra = 0;
        rise = 0;
        int[] breaks = line.breaks();
        int k = firstBreakAfter(breaks, line.start());
        int wordStart = line.start();
        while (wordStart < line.end()) {
            int wordEnd = k < breaks.length ? Math.min(breaks[k], line.end()) : line.end();
            k++;
            // the word, and each run of spaces in or after it, as spans of their own: a span that holds
            // only spaces tells extractors the gap after it is a word gap, however wide justification made it
            for (int runStart = wordStart; runStart < wordEnd; ) {
                boolean space = Character.isWhitespace(text.charAt(runStart));
                int runEnd = runStart + 1;
                while (runEnd < wordEnd && Character.isWhitespace(text.charAt(runEnd)) == space) {
                    runEnd++;
                }
                beginSpan(text, runStart, runEnd);
                for (int g = s.glyphAt(runStart), end = s.glyphAt(runEnd); g < end; ) {
                    int c = s.charOf(g);
                    int clusterEnd = g + 1;
                    while (clusterEnd < end && s.charOf(clusterEnd) == c) {
                        clusterEnd++;
                    }
                    if (c > line.start() && c < line.contentEnd()) {
                        extra += Character.isWhitespace(text.charAt(c - 1)) ? spaceUnits
                                : Character.isWhitespace(text.charAt(c)) ? 0 : gapUnits;
                    }
                    for (int m = g; m < clusterEnd; m++) {
                        int gid = s.glyph(m);
                        if (gid >= 0) {
                            pen = glyph(font, face, size, s, m, gid, pen, s.x(m) - x0 + extra);
                        }
                    }
                    g = clusterEnd;
                }
                closeArray();
                ascii("EMC\n");
                runStart = runEnd;
            }
            wordStart = wordEnd;
        }
        if (rise != 0) {
            ascii("0 Ts\n");
        }
        ascii("ET\n");
    }

    /**
     * Shows glyph {@code m} at {@code target} (1/1000 em from the line start); returns the new pen.
     *
     * <p>A tone mark that the font shifts left over its vowel ends short of the next letter, and text
     * extractors read a gap after a glyph as a word space, even inside an /ActualText span
     * (PDFBox's stripper does, and it judges by the average width of the last glyphs, which zero-width
     * marks pull down, so after a mark even the letter spacing of a justified line counts). Such a gap is
     * filled with invisible space glyphs, which extract as nothing inside the span.
     */
    private float glyph(EmbeddedFont font, FontFace face, float size, Shaped s, int m, int gid, float pen,
            float target) {
        float r = -s.y(m) * size / 1000f;
        if (r != rise) {
            closeArray();
            number(r).ascii(" Ts\n");
            rise = r;
        }
        openArray();
        int filler = face.spaceGlyph();
        while (target - pen > (afterMark ? MAX_GAP_AFTER_MARK : MAX_GAP)) {
            glyph(filler);
            font.glyphs().set(filler);
            pen += face.pdfWidth(filler);
            afterMark = false;
        }
        afterMark = face.pdfWidth(gid) == 0;
        float adjust = pen - target;
        if (Math.abs(adjust) > 0.01f) {
            number(adjust).ascii(" ");
        }
        glyph(gid);
        font.glyphs().set(gid);
        return target + face.pdfWidth(gid);
    }

    private static int firstBreakAfter(int[] breaks, int pos) {
        int k = 0;
        while (k < breaks.length && breaks[k] <= pos) {
            k++;
        }
        return k;
    }

    private void beginSpan(String text, int from, int to) {
        ascii("/Span <</ActualText <FEFF");
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            out.write(HEX[c >> 12 & 0xF]);
            out.write(HEX[c >> 8 & 0xF]);
            out.write(HEX[c >> 4 & 0xF]);
            out.write(HEX[c & 0xF]);
        }
        ascii(">>> BDC\n");
    }

    private void glyph(int gid) {
        out.write('<');
        out.write(HEX[gid >> 12 & 0xF]);
        out.write(HEX[gid >> 8 & 0xF]);
        out.write(HEX[gid >> 4 & 0xF]);
        out.write(HEX[gid & 0xF]);
        out.write('>');
    }

    private void openArray() {
        if (!inArray) {
            out.write('[');
            inArray = true;
        }
    }

    private void closeArray() {
        if (inArray) {
            ascii("] TJ\n");
            inArray = false;
        }
    }

    /** Page furniture (page numbers, continuation words, class marks) is not content: /Artifact. */
    public void beginArtifact() {
        ascii("/Artifact <</Type /Pagination>> BDC\n");
    }

    public void endMarkedContent() {
        ascii("EMC\n");
    }

    public void save() {
        ascii("q\n");
    }

    public void restore() {
        ascii("Q\n");
    }

    public void fillColor(float r, float g, float b) {
        number(r).ascii(" ").number(g).ascii(" ").number(b).ascii(" rg\n");
    }

    public void strokeColor(float r, float g, float b) {
        number(r).ascii(" ").number(g).ascii(" ").number(b).ascii(" RG\n");
    }

    public void lineWidth(float w) {
        number(w).ascii(" w\n");
    }

    /** A dash pattern of {@code on} and {@code off} lengths; 0, 0 for solid lines. */
    public void dash(float on, float off) {
        if (on <= 0) {
            ascii("[] 0 d\n");
        } else {
            ascii("[").number(on).ascii(" ").number(off).ascii("] 0 d\n");
        }
    }

    public void strokeLine(float x1, float y1, float x2, float y2) {
        number(x1).ascii(" ").number(y1).ascii(" m ").number(x2).ascii(" ").number(y2).ascii(" l S\n");
    }

    public void strokeRect(float x, float y, float w, float h) {
        number(x).ascii(" ").number(y).ascii(" ").number(w).ascii(" ").number(h).ascii(" re S\n");
    }

    public void fillRect(float x, float y, float w, float h) {
        number(x).ascii(" ").number(y).ascii(" ").number(w).ascii(" ").number(h).ascii(" re f\n");
    }

    /** A circle as four Bézier quarters. */
    public void strokeCircle(float cx, float cy, float r) {
        float k = 0.5523f * r;
        number(cx + r).ascii(" ").number(cy).ascii(" m\n");
        curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        ascii("S\n");
    }

    private void curve(float x1, float y1, float x2, float y2, float x3, float y3) {
        number(x1).ascii(" ").number(y1).ascii(" ").number(x2).ascii(" ").number(y2).ascii(" ")
                .number(x3).ascii(" ").number(y3).ascii(" c\n");
    }

    /** Draws an image resource into the box {@code (x, y, w, h)}. */
    public void image(COSName image, float x, float y, float w, float h) {
        ascii("q ").number(w).ascii(" 0 0 ").number(h).ascii(" ").number(x).ascii(" ").number(y)
                .ascii(" cm /").ascii(image.getName()).ascii(" Do Q\n");
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private Canvas ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
        return this;
    }

    /** Writes a number with at most two decimals (1/100 pt, or 1/100 of 1/1000 em in TJ arrays). */
    private Canvas number(float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            out.write('-');
            hundredths = -hundredths;
        }
        ascii(Long.toString(hundredths / 100));
        long frac = hundredths % 100;
        if (frac != 0) {
            out.write('.');
            out.write('0' + (int) (frac / 10));
            if (frac % 10 != 0) {
                out.write('0' + (int) (frac % 10));
            }
        }
        return this;
    }
}
