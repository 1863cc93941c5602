package org.saraban.signing.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reading rendered PDFs back the way readers and printers do. */
final class Pdfs {

    /**
     * PDFBox warns of every shaped glyph (a Thai mark variant) that its ToUnicode map cannot name; the
     * /ActualText spans are what name them, so the warning is noise here. Held so it is not collected.
     */
    private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    static {
        PDFBOX_FONTS.setLevel(Level.SEVERE);
    }

    private Pdfs() {
    }

    static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the letter as a reader gets it: page furniture (marked /Artifact) left out. */
    static String readerText(byte[] pdf) {
        return text(pdf, new ContentOnly(), 0);
    }

    /** The same for one page (1-based). */
    static String readerText(byte[] pdf, int page) {
        return text(pdf, new ContentOnly(), page);
    }

    /** Everything printed on one page (1-based), furniture included. */
    static String pageText(byte[] pdf, int page) {
        return text(pdf, new PDFTextStripper(), page);
    }

    /** The text {@code stripper} finds on page {@code page} (1-based), or on all pages for 0. */
    private static String text(byte[] pdf, PDFTextStripper stripper, int page) {
        try (PDDocument doc = load(pdf)) {
            if (page > 0) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
            }
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with the line breaks removed: a paragraph wrapped over lines and pages reads as typed. */
    static String joined(String text) {
        return text.replace("\r", "").replace("\n", "");
    }

    static BufferedImage render(byte[] pdf, int pageIndex, float dpi) {
        try (PDDocument doc = load(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A piece of text as drawn: its /ActualText, font size in points and fill colour. */
    record Styled(String text, float size, float[] rgb) {
    }

    /** Every span of text on a page (1-based) with the size and colour it was drawn in. */
    static List<Styled> styled(byte[] pdf, int page) {
        StyleCollector collector = new StyleCollector();
        text(pdf, collector, page);
        return collector.found;
    }

    private static final class ContentOnly extends PDFTextStripper {
        private final Deque<Boolean> artifacts = new ArrayDeque<>();
        private int depth;

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            boolean artifact = COSName.getPDFName("Artifact").equals(tag);
            artifacts.push(artifact);
            depth += artifact ? 1 : 0;
            super.beginMarkedContentSequence(tag, properties);
        }

        @Override
        public void endMarkedContentSequence() {
            if (!artifacts.isEmpty() && artifacts.pop()) {
                depth--;
            }
            super.endMarkedContentSequence();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (depth == 0) {
                super.processTextPosition(text);
            }
        }
    }

    private static final class StyleCollector extends PDFTextStripper {
        final List<Styled> found = new ArrayList<>();

        StyleCollector() {
            addOperator(new SetNonStrokingDeviceRGBColor(this));
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            super.processTextPosition(text);
            if (!text.getUnicode().isEmpty()) {
                found.add(new Styled(text.getUnicode(), text.getFontSizeInPt(),
                        getGraphicsState().getNonStrokingColor().getComponents()));
            }
        }
    }
}
