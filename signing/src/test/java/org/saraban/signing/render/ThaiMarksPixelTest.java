package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
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

    private final FontFace face = FontSet.bundled().regular();

    @ParameterizedTest(name = "{0} pt")
    @ValueSource(floats = {16f, 32f})
    void our_pdf_draws_thai_marks_where_the_jdk_draws_them(float size) throws IOException {
        String text = Files.readString(SampleLetters.thaiMarks()).strip();
        BufferedImage pdf = Pdfs.render(shapedPdf(text, size), 0, DPI);
        BufferedImage jdk = jdk(text, size, pdf.getWidth(), pdf.getHeight());

        assertThat(InkComparison.agreement(pdf, jdk)).as("share of ink in the same place").isGreaterThanOrEqualTo(InkComparison.REQUIRED);
    }

    @Test
    void the_comparison_catches_what_plain_show_text_gets_wrong() throws IOException {
        String text = Files.readString(SampleLetters.thaiMarks()).strip();
        float size = 32;
        BufferedImage plain = Pdfs.render(plainShowText(text, size), 0, DPI);
        BufferedImage jdk = jdk(text, size, plain.getWidth(), plain.getHeight());

        assertThat(InkComparison.agreement(plain, jdk)).isLessThan(InkComparison.REQUIRED);
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
        BufferedImage img = InkComparison.white(width, height);
        InkComparison.drawJdk(img, DPI, face.awtFont(size), text, X, BASELINE_FROM_TOP, Color.BLACK);
        return img;
    }
}
