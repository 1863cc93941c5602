package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.saraban.signing.render.page.Canvas;
import org.saraban.signing.render.page.PdfPages;
import org.saraban.signing.render.text.FontFace;

/**
 * {@code ../shared/samples/thai-marks.txt} (tone marks over upper vowels, marks with lower vowels,
 * SARA AM after a tone mark, letters with descenders) drawn by our writer, rendered to pixels by
 * PDFBox, against the same string drawn by the JDK itself ({@code drawGlyphVector}, HarfBuzz
 * shaping, the same font and size): the ink must be the same.
 */
class ThaiMarksPixelTest {

    private static final float DPI = 150;
    private static final float X = 72;
    private static final float BASELINE_FROM_TOP = 120;
    /**
     * Share of dark pixels (luminance below half) of one picture that have a dark pixel of the other
     * within one pixel, taken both ways. Both pictures are drawn from the same origin, so no alignment
     * is needed. The two sides rasterise the same outlines with different code (PDFBox fills the
     * embedded glyph's path, the JDK's font scaler draws the glyph), so a pixel on an anti-aliased edge
     * falls either side of the threshold now and then: pixel for pixel only 87 % (16 pt) to 93 % (32 pt)
     * of the ink coincides, while within one pixel all of it does (measured: 100 % at both sizes). A
     * misplaced or doubled mark leaves ink with nothing near it: PDFBox's unshaped showText of the same
     * line scores 94 %. 99 % sits between the two.
     */
    private static final double REQUIRED = 0.99;

    private final FontFace face = FontSet.bundled().regular();

    @ParameterizedTest(name = "{0} pt")
    @ValueSource(floats = {16f, 32f})
    void our_pdf_draws_thai_marks_where_the_jdk_draws_them(float size) throws IOException {
        String text = Files.readString(SampleLetters.thaiMarks()).strip();
        BufferedImage pdf = Pdfs.render(shapedPdf(text, size), 0, DPI);
        BufferedImage jdk = jdk(text, size, pdf.getWidth(), pdf.getHeight());

        assertThat(agreement(pdf, jdk)).as("share of ink in the same place").isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void the_comparison_catches_what_plain_show_text_gets_wrong() throws IOException {
        String text = Files.readString(SampleLetters.thaiMarks()).strip();
        float size = 32;
        BufferedImage plain = Pdfs.render(plainShowText(text, size), 0, DPI);
        BufferedImage jdk = jdk(text, size, plain.getWidth(), plain.getHeight());

        assertThat(agreement(plain, jdk)).isLessThan(REQUIRED);
    }

    private byte[] shapedPdf(String text, float size) {
        try (PdfPages pdf = new PdfPages()) {
            Canvas c = pdf.newPage(PDRectangle.A4);
            c.text(face, size, X, PDRectangle.A4.getHeight() - BASELINE_FROM_TOP, face.shape(text));
            return pdf.save("thai marks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What DESIGN.md §5 says goes wrong: PDFBox's own showText, which maps characters without shaping. */
    private byte[] plainShowText(String text, float size) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, face.open(), true, false);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(X, PDRectangle.A4.getHeight() - BASELINE_FROM_TOP);
                cs.showText(text);
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private BufferedImage jdk(String text, float size, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(DPI / 72, DPI / 72);
        g.setColor(Color.BLACK);
        Font font = face.awtFont(size);
        FontRenderContext frc = g.getFontRenderContext();
        GlyphVector gv = font.layoutGlyphVector(frc, text.toCharArray(), 0, text.length(), Font.LAYOUT_LEFT_TO_RIGHT);
        g.drawGlyphVector(gv, X, BASELINE_FROM_TOP);
        g.dispose();
        return img;
    }

    /** The smaller of the two shares: ink of a found near ink of b, and ink of b found near ink of a. */
    static double agreement(BufferedImage a, BufferedImage b) {
        boolean[][] da = dark(a);
        boolean[][] db = dark(b);
        return Math.min(near(da, db), near(db, da));
    }

    private static double near(boolean[][] from, boolean[][] in) {
        int ink = 0;
        int found = 0;
        for (int y = 0; y < from.length; y++) {
            for (int x = 0; x < from[y].length; x++) {
                if (!from[y][x]) {
                    continue;
                }
                ink++;
                search:
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < in.length && xx >= 0 && xx < in[yy].length && in[yy][xx]) {
                            found++;
                            break search;
                        }
                    }
                }
            }
        }
        return ink == 0 ? 0 : (double) found / ink;
    }

    private static boolean[][] dark(BufferedImage img) {
        boolean[][] d = new boolean[img.getHeight()][img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
                d[y][x] = lum < 128;
            }
        }
        return d;
    }
}
