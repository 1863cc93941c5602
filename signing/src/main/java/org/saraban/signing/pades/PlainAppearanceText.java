package org.saraban.signing.pades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;

/**
 * The simple {@link AppearanceText}: one embedded TrueType font (subset), PDFBox's {@code showText}, lines
 * shrunk together until the longest fits. PDFBox does no Thai shaping, so marks above and below the line sit
 * wrongly (ที่ drawn as ที, DESIGN.md §5); {@code org.saraban.signing.render.appearance.ShapedAppearanceText} is
 * what signing uses, and this one is kept as the tests' control.
 */
public final class PlainAppearanceText implements AppearanceText {

    private static final float MAX_FONT_SIZE = 14f;
    private static final float MIN_FONT_SIZE = 6f;
    private static final float PADDING = 4f;

    private final byte[] trueTypeFont;
    private final PDColor colour;

    /**
     * @param trueTypeFont a TTF with the scripts to be drawn (for Thai: TH Sarabun or a metric stand-in)
     * @param rgb          text and border colour, each component 0..1
     */
    public PlainAppearanceText(byte[] trueTypeFont, float[] rgb) {
        this.trueTypeFont = trueTypeFont.clone();
        this.colour = new PDColor(rgb.clone(), PDDeviceRGB.INSTANCE);
    }

    @Override
    public void draw(PDDocument document, PDPageContentStream content, PDRectangle box, List<String> lines)
            throws IOException {
        PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(trueTypeFont), true);
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, font.getStringWidth(line) / 1000f);
        }
        float lineFactor = 1.25f;
        float size = MAX_FONT_SIZE;
        if (widest > 0) {
            size = Math.min(size, (box.getWidth() - 2 * PADDING) / widest);
        }
        if (!lines.isEmpty()) {
            size = Math.min(size, (box.getHeight() - 2 * PADDING) / (lines.size() * lineFactor));
        }
        size = Math.max(size, MIN_FONT_SIZE);

        content.setStrokingColor(colour);
        content.setNonStrokingColor(colour);
        content.setLineWidth(0.8f);
        content.addRect(0.5f, 0.5f, box.getWidth() - 1, box.getHeight() - 1);
        content.stroke();

        float ascent = font.getFontDescriptor().getAscent() / 1000f * size;
        float y = box.getHeight() - PADDING - ascent;
        for (String line : lines) {
            float width = font.getStringWidth(line) / 1000f * size;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(Math.max(PADDING, (box.getWidth() - width) / 2), y);
            content.showText(line);
            content.endText();
            y -= size * lineFactor;
        }
    }
}
