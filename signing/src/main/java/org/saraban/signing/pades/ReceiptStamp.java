package org.saraban.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;

/**
 * The recipient's receipt stamp (ตรารับหนังสือ: agency, เลขรับ, date and time, at the top right of the first
 * page; DOMAIN.md §1.6) on a signed letter. It is a Stamp annotation with its own appearance added in an
 * incremental revision: page content is untouched, so every earlier signature still covers exactly what
 * was signed, and a validator reports the stamp as an annotation added after signing.
 */
public final class ReceiptStamp {

    /** 5 × 2.5 cm, the rubber stamp's usual size (DOMAIN.md §1.6, unverified there). */
    private static final float WIDTH = 142f;
    private static final float HEIGHT = 71f;
    private static final float MARGIN = 28f;

    private final AppearanceText text;

    public ReceiptStamp(AppearanceText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * The stamp's lines as the recipient's register prints them (Thai digits, Buddhist-Era date).
     *
     * @param agency        the receiving agency
     * @param receiptNumber เลขรับ
     * @param date          e.g. "๒๓ พ.ย. ๒๕๖๙"
     * @param time          e.g. "๑๐.๔๕ น."
     */
    public record Receipt(String agency, String receiptNumber, String date, String time) {
        public Receipt {
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(receiptNumber, "receiptNumber");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(time, "time");
        }

        List<String> lines() {
            return List.of(agency, "เลขรับ " + receiptNumber, "วันที่ " + date, "เวลา " + time);
        }
    }

    public byte[] apply(byte[] pdf, Receipt receipt) {
        return stamp(pdf, "Received", receipt.lines(), false);
    }

    /**
     * Another stamp of the same size and kind, at the top left of the first page (the top right is the receipt
     * stamp's): e.g. the marking of a disclosure copy.
     */
    public byte[] mark(byte[] pdf, String name, List<String> lines) {
        return stamp(pdf, name, lines, true);
    }

    private byte[] stamp(byte[] pdf, String name, List<String> lines, boolean left) {
        try (PDDocument document = PdfRevisions.load(pdf)) {
            PDPage page = document.getPage(0);
            PDRectangle media = page.getCropBox();
            float x = left ? media.getLowerLeftX() + MARGIN : media.getUpperRightX() - MARGIN - WIDTH;
            PDRectangle rect = new PDRectangle(x, media.getUpperRightY() - MARGIN - HEIGHT, WIDTH, HEIGHT);

            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setName(name);
            stamp.setRectangle(rect);
            stamp.setContents(String.join("\n", lines));
            // PDF/A: annotations print, and nobody should move or edit the stamp in a viewer
            stamp.setPrinted(true);
            stamp.setLocked(true);
            stamp.setPage(page);

            stamp.setAppearance(PdfRevisions.appearance(document, WIDTH, HEIGHT, text, lines));

            List<PDAnnotation> annotations = page.getAnnotations();
            annotations.add(stamp);
            // a fresh direct /Annots array in the updated page, as PDFBox does for signature widgets, so the
            // revision does not depend on an indirect array that an incremental save would leave unwritten
            page.setAnnotations(annotations);
            page.getCOSObject().setNeedToBeUpdated(true);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt stamp", e);
        }
    }
}
