package org.saraban.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.HexFormat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.PDResources;

/** Incremental revisions with a reserved /Contents, and writing a CMS into that reservation later. */
final class PdfRevisions {

    private PdfRevisions() {
    }

    /** A revision with zeroed /Contents and the SHA-256 of what its /ByteRange covers. */
    record Reserved(byte[] pdf, long[] byteRange, byte[] digest) {
    }

    static PDDocument load(byte[] pdf) {
        try {
            PDDocument document = Loader.loadPDF(pdf);
            if (document.isEncrypted()) {
                document.close();
                throw new PadesException(PadesException.Code.UNREADABLE_PDF, "encrypted PDFs are not signed here");
            }
            return document;
        } catch (IOException e) {
            throw new PadesException(PadesException.Code.UNREADABLE_PDF, "not a readable PDF", e);
        }
    }

    /**
     * Appends a revision with {@code signature} in a new signature field, {@code reserveBytes} of zeros for
     * its /Contents, and an optional visible appearance.
     */
    static Reserved reserve(byte[] pdf, PDSignature signature, int reserveBytes, VisibleSignature visible,
                            AppearanceText text) throws IOException {
        try (PDDocument document = load(pdf); SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(reserveBytes);
            if (visible != null) {
                if (visible.pageIndex() >= document.getNumberOfPages()) {
                    throw new IllegalArgumentException("the document has no page " + (visible.pageIndex() + 1));
                }
                options.setPage(visible.pageIndex());
            }
            document.addSignature(signature, options);
            if (visible != null) {
                drawAppearance(document, signature, visible, text);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserveBytes + 8192);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            MessageDigest digest = Cms.sha256();
            try (InputStream signed = external.getContent()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = signed.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            // zeros stay in /Contents until embed writes the CMS over them
            external.setSignature(new byte[0]);
            int[] range = signature.getByteRange();
            long[] byteRange = {range[0], range[1], range[2], range[3]};
            return new Reserved(out.toByteArray(), byteRange, digest.digest());
        }
    }

    /**
     * PDFBox lays out a visible signature from a template document; drawing the widget's appearance directly
     * keeps the text under our control (Thai shaping) and the revision small.
     */
    private static void drawAppearance(PDDocument document, PDSignature signature, VisibleSignature visible,
                                       AppearanceText text) throws IOException {
        PDSignatureField field = document.getSignatureFields().stream()
                .filter(f -> f.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.V)
                        == signature.getCOSObject())
                .findFirst().orElseThrow(() -> new IllegalStateException("PDFBox did not add the signature field"));
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(visible.x(), visible.y(), visible.width(), visible.height()));
        widget.setPrinted(true);
        widget.setAppearance(appearance(document, visible.width(), visible.height(), text, visible.lines()));
    }

    /** A normal appearance of the given size with {@code lines} drawn by {@code text}: signature boxes, stamps. */
    static PDAppearanceDictionary appearance(PDDocument document, float width, float height, AppearanceText text,
                                             java.util.List<String> lines) throws IOException {
        PDRectangle box = new PDRectangle(width, height);
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(box);
        appearance.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, appearance)) {
            text.draw(document, content, box, lines);
        }
        PDAppearanceDictionary appearances = new PDAppearanceDictionary();
        appearances.setNormalAppearance(appearance);
        return appearances;
    }

    /** Writes {@code cms} as hex into the zeroed /Contents of a reserved revision. */
    static byte[] embed(byte[] preparedPdf, long[] byteRange, byte[] cms) {
        int start = Math.toIntExact(byteRange[1]) + 1;
        int reservedHex = Math.toIntExact(byteRange[2] - byteRange[1]) - 2;
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        if (hex.length > reservedHex) {
            throw new PadesException(PadesException.Code.SIGNATURE_TOO_LARGE,
                    "the CMS needs " + cms.length + " bytes, " + reservedHex / 2 + " were reserved");
        }
        if (preparedPdf[start - 1] != '<' || preparedPdf[start + reservedHex] != '>') {
            throw new PadesException(PadesException.Code.PREPARED_PDF_CHANGED, "the /Contents reservation moved");
        }
        for (int i = start; i < start + reservedHex; i++) {
            if (preparedPdf[i] != '0') {
                throw new PadesException(PadesException.Code.PREPARED_PDF_CHANGED, "/Contents is already filled");
            }
        }
        byte[] result = preparedPdf.clone();
        System.arraycopy(hex, 0, result, start, hex.length);
        return result;
    }

    /** SHA-256 over the two ranges of a /ByteRange. */
    static byte[] rangeDigest(byte[] pdf, long[] byteRange) {
        MessageDigest digest = Cms.sha256();
        digest.update(pdf, Math.toIntExact(byteRange[0]), Math.toIntExact(byteRange[1]));
        digest.update(pdf, Math.toIntExact(byteRange[2]), Math.toIntExact(byteRange[3]));
        return digest.digest();
    }

    static Calendar calendar(java.time.Instant instant) {
        Calendar calendar = Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
