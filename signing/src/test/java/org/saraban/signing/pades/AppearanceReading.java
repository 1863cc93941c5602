package org.saraban.signing.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.saraban.signing.render.text.FontFace;
import org.saraban.signing.render.text.Shaped;

/**
 * Reads what one annotation shows (a visible signature, a receipt stamp): a copy of the PDF gets a page of its
 * own with only that annotation's normal appearance drawn where the annotation sits (flattened), and
 * PDFTextStripper reads that page, noting every glyph it draws on the way.
 *
 * <p>The text alone cannot tell shaped from unshaped Thai: PDFBox's {@code showText} writes each character's
 * own glyph, which its ToUnicode map reads back exactly, however wrongly the marks sit. {@link #misplaced} checks
 * the other half: that the glyphs drawn for each line read back are the ones, at the offsets, that the JDK's
 * shaper (HarfBuzz) gives for that line in the same font.
 */
final class AppearanceReading {

    /** Tolerance for a glyph's offset from its line's first glyph, in 1/1000 em (content streams keep 1/100 pt). */
    private static final float TOLERANCE = 1.5f;

    /** A glyph as drawn: its code (an Identity-H CID, the glyph id in the full font) and origin in points. */
    record Glyph(int code, float x, float y, float size) {
    }

    /** The lines a reader gets, and the glyphs in the order the content stream draws them. */
    record Reading(List<String> lines, List<Glyph> glyphs) {
    }

    private AppearanceReading() {
    }

    static Reading read(byte[] pdf, Predicate<PDAnnotation> which) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage source = null;
            PDAnnotation annotation = null;
            for (PDPage page : document.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (which.test(a)) {
                        source = page;
                        annotation = a;
                    }
                }
            }
            if (annotation == null) {
                throw new AssertionError("no such annotation");
            }
            PDRectangle rect = annotation.getRectangle();
            PDPage flat = new PDPage(source.getMediaBox());
            document.addPage(flat);
            try (PDPageContentStream content = new PDPageContentStream(document, flat)) {
                // the appearances here have /BBox at the origin and no /Matrix: the rectangle is a translation
                content.transform(Matrix.getTranslateInstance(rect.getLowerLeftX(), rect.getLowerLeftY()));
                content.drawForm(annotation.getNormalAppearanceStream());
            }
            GlyphRecorder stripper = new GlyphRecorder();
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            List<String> lines = stripper.getText(document).lines().filter(l -> !l.isBlank()).toList();
            return new Reading(lines, List.copyOf(stripper.glyphs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The glyph clusters of {@code reading} not drawn as the JDK shapes its lines in {@code face}, each as
     * "cluster in word: what differs"; empty when every glyph is the shaper's, where the shaper puts it.
     * Spaces carry no ink and are left out on both sides.
     */
    static List<String> misplaced(Reading reading, FontFace face) {
        List<Glyph> drawn = reading.glyphs().stream().filter(g -> g.code() != face.spaceGlyph()).toList();
        List<String> wrong = new ArrayList<>();
        int next = 0;
        for (String line : reading.lines()) {
            Shaped shaped = face.shape(line);
            List<Integer> expected = new ArrayList<>();
            for (int m = 0; m < shaped.glyphCount(); m++) {
                if (shaped.glyph(m) >= 0 && shaped.glyph(m) != face.spaceGlyph()) {
                    expected.add(m);
                }
            }
            if (next + expected.size() > drawn.size()) {
                wrong.add(line + ": fewer glyphs drawn than the shaper gives");
                return wrong;
            }
            List<Glyph> mine = drawn.subList(next, next + expected.size());
            next += expected.size();
            Glyph first = mine.get(0);
            float x0 = shaped.x(expected.get(0));
            for (int i = 0; i < expected.size(); i++) {
                int m = expected.get(i);
                Glyph g = mine.get(i);
                float dx = (g.x() - first.x()) * 1000f / g.size();
                float dy = (g.y() - first.y()) * 1000f / g.size();
                float wantX = shaped.x(m) - x0;
                float wantY = -shaped.y(m);
                if (g.code() != shaped.glyph(m) || Math.abs(dx - wantX) > TOLERANCE || Math.abs(dy - wantY) > TOLERANCE) {
                    wrong.add(cluster(shaped, m) + " in " + word(line, shaped.charOf(m)) + ": glyph " + g.code()
                            + " at (" + Math.round(dx) + ", " + Math.round(dy) + "), shaper: glyph " + shaped.glyph(m)
                            + " at (" + Math.round(wantX) + ", " + Math.round(wantY) + ")");
                }
            }
        }
        if (next != drawn.size()) {
            wrong.add((drawn.size() - next) + " glyphs drawn beyond the text read");
        }
        return wrong;
    }

    /** The chars of glyph {@code m}'s cluster. */
    private static String cluster(Shaped shaped, int m) {
        int start = shaped.charOf(m);
        int end = start + 1;
        while (end < shaped.text().length() && !shaped.clusterStartsAt(end)) {
            end++;
        }
        return shaped.text().substring(start, end);
    }

    private static String word(String line, int at) {
        int start = line.lastIndexOf(' ', at) + 1;
        int end = line.indexOf(' ', at);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    private static final class GlyphRecorder extends PDFTextStripper {
        final List<Glyph> glyphs = new ArrayList<>();

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            glyphs.add(new Glyph(code, trm.getTranslateX(), trm.getTranslateY(), trm.getScalingFactorY()));
            super.showGlyph(trm, font, code, displacement);
        }
    }
}
