package org.saraban.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Inputs for the signing tests: a one-page A4 letter drawn with PDFBox and the Sarabun font bundled by the build (signing/src/main/fonts). */
public final class TestPdfs {

    private TestPdfs() {
    }

    public static byte[] sarabun() {
        try (InputStream in = TestPdfs.class.getResourceAsStream("/org/saraban/signing/render/fonts/Sarabun-Regular.ttf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppearanceText appearance() {
        return new PlainAppearanceText(sarabun(), new float[]{0.1f, 0.2f, 0.6f});
    }

    /** A letter-like page; fonts embedded so the PDF can become PDF/A-3b. */
    public static byte[] letter() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new java.io.ByteArrayInputStream(sarabun()), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                float y = 760;
                for (String line : List.of("ที่ ตย ๐๐๐๑/๒๕๖๙", "เรื่อง ขอเชิญประชุม", "เรียน ผู้อำนวยการ",
                        "ด้วยกรมตัวอย่างจะจัดประชุมเพื่อพิจารณาแผนงานประจำปี")) {
                    content.beginText();
                    content.setFont(font, 16);
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= 24;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
