package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Enclosures stored by content address, paper letters registered from a scan, health and OpenAPI. */
class FilesImportAndOperationsTest extends WebTestSupport {

    @Test
    void an_uploaded_enclosure_is_addressed_by_its_sha256_and_travels_with_the_letter() throws Exception {
        byte[] content = "ระเบียบวาระการประชุม ครั้งที่ ๒/๒๕๖๙".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        MvcResult up = call(as(multipart("/api/files").file(new MockMultipartFile("file", "agenda.txt",
                "text/plain", content)), "dga.officer"));
        assertStatus(up, 201);
        assertThat(body(up).get("sha256").asText()).isEqualTo(sha);
        assertThat(body(up).get("size").asLong()).isEqualTo(content.length);

        Map<String, Object> letter = new HashMap<>(externalLetter("ส่งระเบียบวาระการประชุม"));
        letter.put("enclosures", List.of(Map.of("title", "ระเบียบวาระการประชุม จำนวน ๑ ชุด", "sha256", sha)));
        JsonNode draft = postJson("dga.officer", "/api/letters", letter, 201);
        JsonNode enclosure = draft.get("enclosures").get(0);
        assertThat(enclosure.get("sha256").asText()).isEqualTo(sha);
        assertThat(enclosure.get("fileName").asText()).isEqualTo("agenda.txt");
        String id = draft.get("id").asText();

        MvcResult file = call(as(get("/api/letters/" + id + "/enclosures/0"), "dga.officer"));
        assertStatus(file, 200);
        assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(content);

        // the recipient's copy carries the same file
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        String copy = copyAtSoc(postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200));
        MvcResult atSoc = call(as(get("/api/letters/" + copy + "/enclosures/0"), "soc.clerk"));
        assertStatus(atSoc, 200);
        assertThat(atSoc.getResponse().getContentAsByteArray()).isEqualTo(content);
    }

    @Test
    void a_scanned_paper_letter_is_registered_and_received_at_once() throws Exception {
        byte[] pdf = "%PDF-1.4\n% scanned letter\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String metadata = json.writeValueAsString(Map.of(
                "number", "มท ๐๓๐๙.๓/๒๑๘", "date", "2026-11-02", "fromAgency", "กรมการปกครอง",
                "subject", "ขอให้ตรวจสอบข้อมูลทะเบียนราษฎร", "salutation", "เรียน",
                "to", List.of("เลขาธิการคณะรัฐมนตรี"), "signatoryName", "นายสมศักดิ์ ใจดี",
                "signatoryPosition", "รองอธิบดี ปฏิบัติราชการแทนอธิบดีกรมการปกครอง", "urgency", "VERY_URGENT"));
        MvcResult r = call(as(multipart("/api/letters/import")
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", pdf))
                .file(new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                        metadata.getBytes(StandardCharsets.UTF_8))), "soc.clerk"));
        assertStatus(r, 201);
        JsonNode view = body(r);
        assertThat(view.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(view.get("receivingNumber").asText()).matches("[๐-๙]+");
        assertThat(view.get("number").asText()).isEqualTo("มท ๐๓๐๙.๓/๒๑๘");
        assertThat(view.get("dateThai").asText()).isEqualTo("๒ พฤศจิกายน ๒๕๖๙");

        MvcResult scan = call(as(get("/api/letters/" + view.get("id").asText() + "/pdf"), "soc.clerk"));
        assertStatus(scan, 200);
        assertThat(scan.getResponse().getContentAsByteArray()).isEqualTo(pdf);

        int year = view.get("yearBE").asInt();
        JsonNode rows = getJson("soc.clerk", "/api/registers/นร ๐๕/received/" + year, 200).get("rows");
        assertThat(rows.findValuesAsText("letterId")).contains(view.get("id").asText());
        assertThat(rows.findValuesAsText("from")).contains("กรมการปกครอง");
    }

    private String importAtSoc(byte[] scan, Map<String, Object> extra) throws Exception {
        Map<String, Object> m = new HashMap<>(Map.of("number", "กค ๐๔๐๓/๙๙", "date", "2026-11-02",
                "fromAgency", "กรมบัญชีกลาง", "subject", "แจ้งแนวทางปฏิบัติ", "salutation", "เรียน"));
        m.putAll(extra);
        MvcResult r = call(as(multipart("/api/letters/import")
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", scan))
                .file(new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(m))), "soc.clerk"));
        assertStatus(r, 201);
        return body(r).get("id").asText();
    }

    private List<String> found(String q) throws Exception {
        MvcResult r = call(as(get("/api/search?q={q}", q), "soc.clerk"));
        assertStatus(r, 200);
        return body(r).get("items").findValuesAsText("id");
    }

    @Test
    void a_paper_letters_text_from_its_ocr_or_its_pdf_is_searchable() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Quarterly quokka inventory for the procurement office");
                content.endText();
            }
            pdf.save(out);
        }
        String fromPdf = importAtSoc(out.toByteArray(), Map.of());
        String fromOcr = importAtSoc("%PDF-1.4\n% image only\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                Map.of("bodyText", "ด้วยกรมบัญชีกลางขอแจ้งแนวทางการเบิกจ่ายค่าสับปะรดภูแลสำหรับการประชุม"));
        assertThat(found("quokka")).contains(fromPdf).doesNotContain(fromOcr);
        assertThat(found("สับปะรดภูแล")).contains(fromOcr).doesNotContain(fromPdf);
        assertThat(getJson("soc.clerk", "/api/letters/" + fromOcr, 200).get("bodyText").asText()).contains("สับปะรดภูแล");
    }

    @Test
    void health_reports_mongodb_and_every_event_processor() throws Exception {
        MvcResult r = call(get("/actuator/health"));
        assertStatus(r, 200);
        JsonNode health = body(r);
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/details/processors").fieldNames())
                .toIterable().contains("letters", "delivery");
    }

    @Test
    void the_whole_api_is_published_as_openapi() throws Exception {
        MvcResult r = call(get("/v3/api-docs"));
        assertStatus(r, 200);
        JsonNode paths = body(r).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/letters", "/api/letters/{id}",
                "/api/letters/{id}/dispatch", "/api/letters/{id}/receive", "/api/letters/{id}/routes",
                "/api/inbox", "/api/registers/{agencyCode}/{book}/{yearBE}", "/api/me", "/api/agencies",
                "/api/people", "/api/letters/import");
    }
}
