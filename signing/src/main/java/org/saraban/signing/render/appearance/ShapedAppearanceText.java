package org.saraban.signing.render.appearance;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.saraban.signing.pades.AppearanceText;
import org.saraban.signing.render.FontSet;
import org.saraban.signing.render.page.Canvas;
import org.saraban.signing.render.page.DocumentResources;
import org.saraban.signing.render.text.FontFace;
import org.saraban.signing.render.text.Line;
import org.saraban.signing.render.text.LineBreaker;
import org.saraban.signing.render.text.Shaped;

/**
 * Visible signatures and receipt stamps set the way letters are: each line shaped by the JDK and written as
 * positioned glyph ids with every word in an {@code /ActualText} span ({@link Canvas}), so Thai marks sit where
 * the font puts them (ที่ดีที่สุด, not ทีดีทีสุด) and text extraction gives back the lines as typed.
 * {@link org.saraban.signing.pades.PlainAppearanceText} draws the same box with PDFBox's unshaped
 * {@code showText}.
 *
 * <p>The lines are centred, each on its own line, in the largest size up to the letter's 16 pt that fits the
 * box; when that would be less than 8 pt, long lines are wrapped at Thai word boundaries (into lines as even as
 * the boundaries allow) if that allows a larger size. Line pitch leaves room for the ink of the lines themselves
 * (tone marks stacked over upper vowels reach well above the font's ascender), so the box clips nothing.
 *
 * <p>The appearance stream receives one form XObject holding the text, with resources of its own: the face as
 * an embedded TrueType subset of exactly the glyphs the shaper chose (mark variants included, which PDFBox's
 * subsetting by code point would leave out) and a ToUnicode map, so the revision stays PDF/A-3b. Immutable and
 * thread-safe; one instance serves every signature and stamp.
 */
public final class ShapedAppearanceText implements AppearanceText {

    /** The letter's body size: a signature or a stamp is never set larger than the letter it sits on. */
    static final float MAX_SIZE = 16f;
    /** Below this a line too long for the box is wrapped rather than shrunk further, if that gives more. */
    static final float MIN_UNWRAPPED_SIZE = 8f;
    static final float PADDING = 4f;
    private static final float BORDER = 0.8f;
    private static final float SIZE_STEP = 0.25f;
    /** Halvings of the width when balancing wrapped lines: to well under a point in any box. */
    private static final int BALANCE_STEPS = 12;
    /** Layout size of the JDK font used to measure ink: extents come back in 1/1000 em. */
    private static final float EM = 1000f;
    private static final FontRenderContext UNHINTED = new FontRenderContext(null, true, true);

    private final FontFace face;
    private final Font measure;
    private final float[] rgb;

    /**
     * @param fonts the agency's faces ({@code RenderConfig.fonts()}); lines are set in the regular face
     * @param rgb   text and border colour, three components 0..1
     */
    public ShapedAppearanceText(FontSet fonts, float[] rgb) {
        this.face = Objects.requireNonNull(fonts, "fonts").regular();
        this.measure = face.awtFont(EM);
        Objects.requireNonNull(rgb, "rgb");
        if (rgb.length != 3) {
            throw new IllegalArgumentException("an RGB colour has three components, not " + rgb.length);
        }
        for (float c : rgb) {
            if (!(c >= 0f && c <= 1f)) {
                throw new IllegalArgumentException("colour components are 0..1, not " + c);
            }
        }
        this.rgb = rgb.clone();
    }

    /** The OFL Sarabun that comes with the build ({@link FontSet#bundled()}). */
    public static ShapedAppearanceText bundled(float[] rgb) {
        return new ShapedAppearanceText(FontSet.bundled(), rgb);
    }

    @Override
    public void draw(PDDocument document, PDPageContentStream content, PDRectangle box, List<String> lines)
            throws IOException {
        Layout layout = layout(box, lines);
        DocumentResources resources = new DocumentResources(document);
        Canvas canvas = new Canvas(resources);
        canvas.strokeColor(rgb[0], rgb[1], rgb[2]);
        canvas.fillColor(rgb[0], rgb[1], rgb[2]);
        canvas.lineWidth(BORDER);
        canvas.strokeRect(box.getLowerLeftX() + 0.5f, box.getLowerLeftY() + 0.5f, box.getWidth() - 1,
                box.getHeight() - 1);
        for (Placed placed : layout.lines()) {
            if (placed.line().end() > placed.line().start()) {
                canvas.text(face, layout.size(), placed.x(), placed.baseline(), placed.line(), 0, 0);
            }
        }
        // the glyph subset is known now; the document's save writes it
        resources.finish();

        // Canvas names fonts in resources of its own: a form of its own keeps them apart from the appearance's
        PDFormXObject text = new PDFormXObject(document);
        text.setBBox(new PDRectangle(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight()));
        text.setResources(resources.resources());
        try (OutputStream out = text.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(canvas.toByteArray());
        }
        content.drawForm(text);
    }

    /** Where each line goes in {@code box} and at what size. */
    Layout layout(PDRectangle box, List<String> lines) {
        float innerWidth = box.getWidth() - 2 * PADDING;
        float innerHeight = box.getHeight() - 2 * PADDING;
        List<Shaped> runs = new ArrayList<>(lines.size());
        float widest = 0;
        // ink above and below the baseline in 1/1000 em: at least the font's own ascender and descender
        float above = face.ascent(EM);
        float below = face.compactLineHeight(EM) - above;
        for (String line : lines) {
            Shaped run = face.shape(line.strip());
            runs.add(run);
            widest = Math.max(widest, run.width(EM));
            if (!run.text().isEmpty()) {
                char[] chars = run.text().toCharArray();
                Rectangle2D ink = measure.layoutGlyphVector(UNHINTED, chars, 0, chars.length,
                        Font.LAYOUT_LEFT_TO_RIGHT).getVisualBounds();
                above = Math.max(above, (float) -ink.getMinY());
                below = Math.max(below, (float) ink.getMaxY());
            }
        }
        Extent extent = new Extent(above / EM, below / EM);

        float size = MAX_SIZE;
        if (widest > 0) {
            size = Math.min(size, innerWidth / (widest / EM));
        }
        size = Math.min(size, innerHeight / extent.height(runs.size()));
        if (size < MIN_UNWRAPPED_SIZE) {
            float wrapped = wrappedSize(runs, extent, innerWidth, innerHeight);
            if (wrapped > size) {
                return place(box, runs, extent, hundredths(wrapped), innerWidth);
            }
        }
        return place(box, runs, extent, hundredths(size), Float.MAX_VALUE);
    }

    /** The largest size, in steps from {@link #MAX_SIZE}, at which the runs wrapped to the box fit its height. */
    private static float wrappedSize(List<Shaped> runs, Extent extent, float width, float height) {
        float size = MAX_SIZE;
        while (size > SIZE_STEP && extent.height(lineCount(runs, size, width)) * size > height) {
            size -= SIZE_STEP;
        }
        return size;
    }

    private static int lineCount(List<Shaped> runs, float size, float width) {
        int n = 0;
        for (Shaped run : runs) {
            n += Math.max(1, LineBreaker.lines(run, size, width, width).size());
        }
        return n;
    }

    /** The lines centred in the box, the block centred vertically; runs wider than {@code width} wrapped. */
    private static Layout place(PDRectangle box, List<Shaped> runs, Extent extent, float size, float width) {
        List<Line> lines = new ArrayList<>();
        for (Shaped run : runs) {
            List<Line> wrapped = LineBreaker.lines(run, size, width, width);
            if (wrapped.size() > 1) {
                wrapped = balanced(run, size, width, wrapped.size());
            }
            lines.addAll(wrapped.isEmpty() ? List.of(new Line(run, new int[] {0}, 0, 0, 0, 0)) : wrapped);
        }
        float top = box.getUpperRightY() - (box.getHeight() - extent.height(lines.size()) * size) / 2;
        float baseline = top - extent.above() * size;
        List<Placed> placed = new ArrayList<>(lines.size());
        for (Line line : lines) {
            placed.add(new Placed(line, box.getLowerLeftX() + (box.getWidth() - line.width()) / 2, baseline));
            baseline -= extent.pitch() * size;
        }
        return new Layout(size, List.copyOf(placed));
    }

    /**
     * The run in {@code count} lines as even as word boundaries allow: cut at the narrowest width that still needs
     * no more lines, so a wrapped agency name does not leave one word alone under a full line.
     */
    private static List<Line> balanced(Shaped run, float size, float width, int count) {
        float low = 0;
        float high = width;
        for (int i = 0; i < BALANCE_STEPS; i++) {
            float mid = (low + high) / 2;
            if (LineBreaker.lines(run, size, mid, mid).size() <= count) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return LineBreaker.lines(run, size, high, high);
    }

    /** Canvas writes sizes to 1/100 pt: lay out at exactly the size the content stream will say. */
    private static float hundredths(float size) {
        return (float) (Math.floor(size * 100.0) / 100.0);
    }

    /** Ink above and below a baseline per point of size; lines are set one {@code above + below} apart. */
    private record Extent(float above, float below) {
        float pitch() {
            return above + below;
        }

        /** Height of {@code lines} lines per point of size. */
        float height(int lines) {
            return Math.max(lines, 1) * pitch();
        }
    }

    /** The size every line is set in, and the lines top to bottom. */
    record Layout(float size, List<Placed> lines) {
    }

    /** A line and its start and baseline in the appearance's coordinates. */
    record Placed(Line line, float x, float baseline) {
        /** The line's text without the spaces it may have been wrapped at. */
        String text() {
            return line.shaped().text().substring(line.start(), line.contentEnd());
        }
    }
}
