package org.saraban.web.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A corpus of malformed and hostile PDFs (issue 7, item 4) sent to the public verifier (both forms), to the
 * enclosure upload and to the paper-letter import: every answer is below 500 and within 30 s, a refused one
 * appends no event, and the heap stays bounded, decompression bombs included. Enclosures may be any file; a scan
 * to import must open as a PDF.
 */
class HostilePdfTest extends WebTestSupport {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] plainPdf() throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("an ordinary page");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** A page whose content stream inflates to {@code megabytes} of spaces from a few hundred kilobytes. */
    private static byte[] flateBomb(int megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < megabytes; i++) {
            deflater.setInput(chunk);
            while (!deflater.needsInput()) {
                z.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        byte[] stream = z.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
                + "4 0 obj<</Length " + stream.length + "/Filter/FlateDecode>>stream\n"));
        out.writeBytes(stream);
        out.writeBytes(ascii("\nendstream endobj\ntrailer<</Root 1 0 R/Size 5>>\n%%EOF\n"));
        return out.toByteArray();
    }

    private static Map<String, byte[]> corpus() throws Exception {
        Random random = new Random(42);
        byte[] plain = plainPdf();
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("empty", new byte[0]);
        c.put("header only", ascii("%PDF-"));
        c.put("not a pdf", ascii("<html><script>alert(1)</script></html>"));
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        System.arraycopy(ascii("%PDF-1.7\n"), 0, noise, 0, 9);
        c.put("1 MB of noise", noise);
        c.put("truncated", java.util.Arrays.copyOf(plain, plain.length / 2));
        byte[] flipped = plain.clone();
        for (int i = 0; i < 40; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        c.put("flipped bytes", flipped);
        c.put("xref loop", ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]"
                + "/Count 1>>endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
                + "trailer<</Root 1 0 R/Size 3/Prev 108>>\nstartxref\n108\n%%EOF\n"));
        c.put("nested arrays", ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/X " + "[".repeat(200_000)
                + "]".repeat(200_000) + ">>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        c.put("page count lie", ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
                + "/Kids[2 0 R 2 0 R]/Count 2000000000>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        c.put("huge object number", ascii("%PDF-1.4\n99999999999 0 obj<</Type/Catalog>>endobj\n"
                + "trailer<</Root 99999999999 0 R>>\n%%EOF\n"));
        c.put("bogus signature", ascii("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[3 0 R]/SigFlags 3>>>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</FT/Sig/T(s)/V<</Type/Sig/Filter/Adobe.PPKLite"
                + "/SubFilter/ETSI.CAdES.detached/ByteRange[0 -1 99999999999 5]/Contents<" + "30".repeat(4000)
                + ">>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        c.put("javascript open action", ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript"
                + "/JS(app.alert(1))>>>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(plain)) {
            pdf.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            c.put("encrypted", out.toByteArray());
        }
        c.put("flate bomb (600 MB of text)", flateBomb(600));
        return c;
    }

    @Test
    void malformed_and_hostile_pdfs_never_get_a_5xx_and_the_heap_stays_bounded() throws Exception {
        Map<String, byte[]> corpus = corpus();
        List<String> failures = new ArrayList<>();
        Map<String, List<Integer>> answers = new LinkedHashMap<>();
        long heapBefore = usedHeap();
        long peak = heapBefore;
        long slowest = 0;
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            byte[] pdf = e.getValue();
            String metadata = "{\"subject\":\"ทดสอบไฟล์\",\"fromAgency\":\"กรมทดสอบ\",\"number\":\"ทส ๐๐๑/๑\"}";
            Map<String, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> calls = new LinkedHashMap<>();
            calls.put("verify (multipart)", multipart("/api/verify").file(new MockMultipartFile("file", "x.pdf",
                    MediaType.APPLICATION_PDF_VALUE, pdf)));
            calls.put("verify (body)", post("/api/verify").contentType(MediaType.APPLICATION_PDF).content(pdf));
            calls.put("upload", multipart("/api/files").file(new MockMultipartFile("file", "x.pdf",
                    MediaType.APPLICATION_PDF_VALUE, pdf)).with(user("dga.officer")).with(csrf()));
            calls.put("import", multipart("/api/letters/import")
                    .file(new MockMultipartFile("scan", "x.pdf", MediaType.APPLICATION_PDF_VALUE, pdf))
                    .file(new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                            metadata.getBytes(StandardCharsets.UTF_8))).with(user("soc.clerk")).with(csrf()));
            for (var call : calls.entrySet()) {
                long head = engine.headPosition();
                long started = System.nanoTime();
                MvcResult r = mvc.perform(call.getValue()).andReturn();
                long millis = (System.nanoTime() - started) / 1_000_000;
                slowest = Math.max(slowest, millis);
                int status = r.getResponse().getStatus();
                answers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(status);
                if (status >= 300 && engine.headPosition() != head) {
                    failures.add(e.getKey() + " → " + call.getKey() + ": refused with " + status + " but appended events");
                }
                if (status >= 500 || millis > 30_000) {
                    failures.add(e.getKey() + " → " + call.getKey() + ": " + status + " in " + millis + " ms "
                            + r.getResponse().getContentAsString(StandardCharsets.UTF_8));
                }
                peak = Math.max(peak, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            }
        }
        long heapAfter = usedHeap();
        System.out.printf("hostile pdfs: %d files × 4 endpoints; slowest %d ms; heap %d → %d MB (peak seen %d MB)%n",
                corpus.size(), slowest, heapBefore >> 20, heapAfter >> 20, peak >> 20);
        answers.forEach((file, statuses) -> System.out.printf("  %-28s verify %s, upload %s, import %s%n", file,
                statuses.subList(0, 2), statuses.get(2), statuses.get(3)));
        assertThat(failures).isEmpty();
        // a paper letter's scan that does not open as a PDF is refused, with the field named
        assertThat(answers.get("1 MB of noise").get(3)).isEqualTo(422);
        assertThat(answers.get("truncated").get(3)).isEqualTo(422);
        assertThat(heapAfter - heapBefore).as("heap kept after the corpus").isLessThan(256L << 20);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
