package org.saraban.signing.render.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.saraban.signing.render.text.FontFace;

/**
 * The fonts and images of one PDF, shared by all its pages. Each face is embedded as a subset
 * holding exactly the glyph ids the shaper chose: those include Thai mark variants that no Unicode
 * character maps to, which PDFBox's own subsetting (by code point) would leave out.
 */
public final class DocumentResources {

    private final PDDocument document;
    private final PDResources resources = new PDResources();
    private final Map<FontFace, EmbeddedFont> fonts = new IdentityHashMap<>();

    public DocumentResources(PDDocument document) {
        this.document = document;
    }

    public PDResources resources() {
        return resources;
    }

    EmbeddedFont font(FontFace face) {
        return fonts.computeIfAbsent(face, f -> {
            try {
                PDType0Font font = PDType0Font.load(document, f.open(), true, false);
                return new EmbeddedFont(font, resources.add(font), new BitSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Adds an image (PNG or JPEG bytes) and returns its resource name. */
    public COSName image(byte[] pngOrJpeg, String name) throws IOException {
        return resources.add(PDImageXObject.createFromByteArray(document, pngOrJpeg, name));
    }

    /** Hands each font the glyphs drawn with it, before the document is saved. */
    public void finish() throws IOException {
        for (EmbeddedFont f : fonts.values()) {
            f.font().addGlyphsToSubset(f.glyphs().stream().boxed().collect(Collectors.toSet()));
            f.font().subset();
        }
    }

    record EmbeddedFont(PDType0Font font, COSName name, BitSet glyphs) {
    }
}
