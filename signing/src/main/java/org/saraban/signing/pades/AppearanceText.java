package org.saraban.signing.pades;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws lines of text into an appearance stream (a signature's visible box, a receipt stamp). The signing
 * code decides where the box is and what it says; an implementation decides how Thai text becomes glyphs.
 *
 * <p>{@code org.saraban.signing.render.appearance.ShapedAppearanceText} is the one to use: the letter renderer's
 * JDK-shaped glyph writer (positioned glyph ids plus /ActualText, DESIGN.md §5). {@link PlainAppearanceText}
 * (PDFBox's unshaped {@code showText}, which misplaces Thai marks) stays as the control in tests. This package
 * does not depend on the renderer: the implementation is handed to {@link PadesSigner} and {@link ReceiptStamp},
 * or to {@link SigningServices#open}.
 */
public interface AppearanceText {

    /**
     * @param document the document the appearance belongs to (fonts are loaded into it, subset on save)
     * @param content  open content stream of the appearance; the origin is the box's lower-left corner
     * @param box      the area to draw in, origin (0,0)
     * @param lines    top to bottom; implementations fit them into the box
     */
    void draw(PDDocument document, PDPageContentStream content, PDRectangle box, List<String> lines) throws IOException;
}
