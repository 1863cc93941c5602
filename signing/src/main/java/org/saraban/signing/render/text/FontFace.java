package org.saraban.signing.render.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType face, ready to shape with the JDK and to embed with PDFBox.
 *
 * <p>Shaping goes through {@link Font#layoutGlyphVector} (HarfBuzz inside the JDK) because PDFBox has no
 * Thai GSUB/GPOS and places marks wrongly (DESIGN.md §5). The face is laid out at 1000 units per em,
 * so every position it returns is already in the thousandths of an em that PDF text operators use.
 * Immutable and safe to share between threads.
 */
public final class FontFace {

    /** Layout size: positions come back in 1/1000 em. */
    static final float EM = 1000f;
    private static final FontRenderContext UNHINTED = new FontRenderContext(null, true, true);

    /**
     * The tables an embedded subset is made of (those PDFBox's subsetter copies, and those it rebuilds).
     * The layout tables (GSUB, GPOS, GDEF, kern) serve the JDK's shaping only.
     */
    private static final List<String> EMBEDDED_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
            "glyf", "hmtx", "fpgm", "gasp", "OS/2", "cmap", "name", "post");

    private final String name;
    /** The font as handed to PDFBox for each document: every glyph, without the layout tables. */
    private final byte[] data;
    private final Font awt;
    /** Advance of each glyph as the embedded font's /W array will say it (PDFBox rounds the same way). */
    private final int[] pdfWidths;
    private final float winAscent;
    private final float winDescent;
    private final float hheaAscent;
    private final float compactLine;
    private final int spaceGlyph;

    private FontFace(String name, byte[] data, Font awt, int[] pdfWidths, float winAscent, float winDescent,
            float hheaAscent, float compactLine, int spaceGlyph) {
        this.name = name;
        this.data = data;
        this.awt = awt;
        this.pdfWidths = pdfWidths;
        this.winAscent = winAscent;
        this.winDescent = winDescent;
        this.hheaAscent = hheaAscent;
        this.compactLine = compactLine;
        this.spaceGlyph = spaceGlyph;
    }

    /**
     * Reads a TrueType file. {@code name} says where it came from, for messages.
     *
     * @throws FontNotUsableException when the bytes are not a TrueType font or it has no Thai letters
     */
    public static FontFace read(String name, byte[] data) {
        try {
            Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(data)).deriveFont(EM);
            if (!awt.canDisplay('ก') || !awt.canDisplay('ั')) {
                throw new FontNotUsableException(name, "has no Thai letters");
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
                float scale = EM / ttf.getUnitsPerEm();
                HorizontalMetricsTable hmtx = ttf.getHorizontalMetrics();
                int[] widths = new int[ttf.getNumberOfGlyphs()];
                for (int gid = 0; gid < widths.length; gid++) {
                    widths[gid] = Math.round(hmtx.getAdvanceWidth(gid) * scale);
                }
                OS2WindowsMetricsTable os2 = ttf.getOS2Windows();
                float ascent = os2 != null ? os2.getWinAscent() : ttf.getHorizontalHeader().getAscender();
                float descent = os2 != null ? os2.getWinDescent() : -ttf.getHorizontalHeader().getDescender();
                var hhea = ttf.getHorizontalHeader();
                float cap = hhea.getAscender();
                float compact = hhea.getAscender() - hhea.getDescender() + hhea.getLineGap();
                int space = ttf.getUnicodeCmapLookup().getGlyphId(' ');
                if (space <= 0) {
                    throw new FontNotUsableException(name, "has no space glyph");
                }
                return new FontFace(name, forEmbedding(ttf), awt, widths, ascent * scale, descent * scale, cap * scale, compact * scale,
                        space);
            }
        } catch (FontFormatException | IOException e) {
            throw new FontNotUsableException(name, "is not a readable TrueType font: " + e.getMessage());
        }
    }

    /**
     * The same glyphs under the same ids, without the tables only shaping needs: PDFBox parses every
     * table of a font for each document it embeds it in, and the substitution and positioning tables
     * took most of that time (measured: a quarter of a letter's rendering went to parsing the font).
     */
    private static byte[] forEmbedding(TrueTypeFont ttf) throws IOException {
        TTFSubsetter all = new TTFSubsetter(ttf, EMBEDDED_TABLES);
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        Set<Integer> codes = new HashSet<>();
        Set<Integer> glyphs = new HashSet<>();
        for (int gid = 0; gid < ttf.getNumberOfGlyphs(); gid++) {
            glyphs.add(gid);
            List<Integer> chars = cmap.getCharCodes(gid);
            if (chars != null) {
                codes.addAll(chars);
            }
        }
        all.addAll(codes);
        all.addGlyphIds(glyphs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        all.writeToStream(out);
        return out.toByteArray();
    }

    /** Shapes one run of text (no line breaks inside). */
    public Shaped shape(String text) {
        char[] chars = text.toCharArray();
        GlyphVector gv = awt.layoutGlyphVector(UNHINTED, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        return new Shaped(text, gv.getGlyphCodes(0, n, null), gv.getGlyphPositions(0, n + 1, null),
                gv.getGlyphCharIndices(0, n, null));
    }

    /** The glyph of U+0020: invisible, with a width. */
    public int spaceGlyph() {
        return spaceGlyph;
    }

    /** Width in the PDF's /W array of a glyph, in 1/1000 em. */
    public int pdfWidth(int glyph) {
        return glyph < pdfWidths.length ? pdfWidths[glyph] : 0;
    }

    /**
     * Distance between baselines of single-spaced lines at {@code size} points: the font's Windows ascent
     * plus descent, which is what word processors use for "single" spacing, so a letter keeps the line
     * count of the agency's Word templates for the same font.
     */
    public float lineHeight(float size) {
        return (winAscent + winDescent) / EM * size;
    }

    /** From the top of a single-spaced line to its baseline. */
    public float baselineOffset(float size) {
        return winAscent / EM * size;
    }

    /**
     * The tighter line pitch of the font's own ascender, descender and line gap (hhea), for tables,
     * where the word-processor spacing of {@link #lineHeight} would fit only a few entries on a page.
     */
    public float compactLineHeight(float size) {
        return compactLine / EM * size;
    }

    /** Height of tall letters above the baseline (hhea ascender), to place text inside a box. */
    public float ascent(float size) {
        return hheaAscent / EM * size;
    }

    /** The same face as the JDK draws it, at {@code size}; for comparing renderings. */
    public Font awtFont(float size) {
        return awt.deriveFont(size);
    }

    /** The font to embed (see {@link #forEmbedding}); read-only, without copying it. */
    public RandomAccessRead open() {
        return new RandomAccessReadBuffer(data);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "FontFace[" + name + "]";
    }
}
