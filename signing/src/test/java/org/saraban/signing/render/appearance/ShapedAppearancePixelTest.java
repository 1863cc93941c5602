package org.saraban.signing.render.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.render.FontSet;
import org.saraban.signing.render.InkComparison;

/**
 * A receipt stamp whose lines hold ที่ดีที่สุด กิ่ง (tone marks over upper vowels), as PDFBox renders the stamped
 * page, against the JDK drawing the same lines itself at the places and size the appearance chose: the ink
 * must be the same, by the measure of the renderer's {@code ThaiMarksPixelTest} ({@link InkComparison}).
 */
class ShapedAppearancePixelTest {

    /** The stamp sets its lines at about 12 pt: 300 dpi gives its marks as many pixels as 24 pt at 150 dpi. */
    private static final float DPI = 300;
    private static final float[] RGB = {0.1f, 0.2f, 0.6f};
    /** Compared inside the border only: the frame is the same rectangle on both sides and proves nothing. */
    private static final float INSET = 2f;

    private final ShapedAppearanceText text = ShapedAppearanceText.bundled(RGB);

    @Test
    void the_stamp_draws_thai_marks_where_the_jdk_draws_them() throws IOException {
        Stamp stamp = stamp();
        BufferedImage jdk = stamp.jdk(true);
        for (int i = 0; i < stamp.layout().lines().size(); i++) {
            assertThat(InkComparison.agreement(stamp.band(stamp.page(), i), stamp.band(jdk, i)))
                    .as("share of ink in the same place, line %s", stamp.layout().lines().get(i).text())
                    .isGreaterThanOrEqualTo(InkComparison.REQUIRED);
        }
    }

    /**
     * The control: on the line with the marks, the same measure tells the stamp from the line set without shaping
     * (each character's own glyph, as {@code showText} sets it). Line by line, because over the whole stamp the
     * misplaced marks are too little of the ink: measured 97.4 % on this line, 99.04 % over the whole stamp.
     */
    @Test
    void the_comparison_catches_unshaped_marks_at_the_stamps_size() throws IOException {
        Stamp stamp = stamp();
        assertThat(InkComparison.agreement(stamp.band(stamp.page(), 0), stamp.band(stamp.jdk(false), 0)))
                .isLessThan(InkComparison.REQUIRED);
    }

    /** A stamp on a blank page as PDFBox renders it, with its rectangle and the layout it was drawn in. */
    private Stamp stamp() throws IOException {
        byte[] stamped = new ReceiptStamp(text).apply(blankPage(),
                new ReceiptStamp.Receipt("ที่ดีที่สุด กิ่ง", "๑๒๓", "๒๓ พ.ย. ๒๕๖๙", "๐๙.๓๐ น."));
        try (PDDocument document = Loader.loadPDF(stamped)) {
            PDPage page = document.getPage(0);
            PDAnnotation annotation = page.getAnnotations().get(0);
            PDRectangle rect = annotation.getRectangle();
            // the stamp keeps its lines, newline-separated, as the annotation's text
            List<String> lines = List.of(annotation.getContents().split("\n"));
            assertThat(lines.get(0)).isEqualTo("ที่ดีที่สุด กิ่ง");
            ShapedAppearanceText.Layout layout = text.layout(new PDRectangle(rect.getWidth(), rect.getHeight()), lines);
            assertThat(layout.lines()).extracting(ShapedAppearanceText.Placed::text).isEqualTo(lines);
            BufferedImage pdf = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
            return new Stamp(pdf, rect, page.getMediaBox().getUpperRightY(), layout);
        }
    }

    private record Stamp(BufferedImage page, PDRectangle rect, float pageTop, ShapedAppearanceText.Layout layout) {

        BufferedImage jdk(boolean shaped) {
            BufferedImage img = InkComparison.white(page.getWidth(), page.getHeight());
            Font font = FontSet.bundled().regular().awtFont(layout.size());
            Color colour = new Color(RGB[0], RGB[1], RGB[2]);
            for (ShapedAppearanceText.Placed line : layout.lines()) {
                float x = rect.getLowerLeftX() + line.x();
                float baseline = pageTop - rect.getLowerLeftY() - line.baseline();
                if (shaped) {
                    InkComparison.drawJdk(img, DPI, font, line.text(), x, baseline, colour);
                } else {
                    InkComparison.drawUnshaped(img, DPI, font, line.text(), x, baseline, colour);
                }
            }
            return img;
        }

        /** Line {@code i}'s band inside the border: from half-way to the line above to half-way to the one below. */
        BufferedImage band(BufferedImage img, int i) {
            List<ShapedAppearanceText.Placed> lines = layout.lines();
            float top = i == 0 ? rect.getHeight() - INSET : (lines.get(i - 1).baseline() + lines.get(i).baseline()) / 2;
            float bottom = i == lines.size() - 1 ? INSET : (lines.get(i).baseline() + lines.get(i + 1).baseline()) / 2;
            float scale = DPI / 72;
            int x = Math.round((rect.getLowerLeftX() + INSET) * scale);
            int y = Math.round((pageTop - rect.getLowerLeftY() - top) * scale);
            int w = Math.round((rect.getWidth() - 2 * INSET) * scale);
            int h = Math.round((top - bottom) * scale);
            return img.getSubimage(x, y, w, h);
        }
    }

    private static byte[] blankPage() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(out);
            return out.toByteArray();
        }
    }
}
