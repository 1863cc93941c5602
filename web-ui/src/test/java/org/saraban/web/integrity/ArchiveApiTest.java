package org.saraban.web.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The archive's routes as API.md gives them: {@code GET /api/archive} searches and lists the filed letters only, and
 * {@code GET /api/archive/{id}/bundle} exports a letter's bundle; another agency gets neither.
 */
class ArchiveApiTest extends WebTestSupport {

    private String receivedPaperLetter(String number, String date, String subject) throws Exception {
        byte[] pdf = ("%PDF-1.4\n% " + number + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String metadata = json.writeValueAsString(Map.of("number", number, "date", date,
                "fromAgency", "กรมบัญชีกลาง", "subject", subject, "salutation", "เรียน",
                "to", List.of("เลขาธิการ ก.พ.ร."), "signatoryName", "นางสาวสมใจ ตั้งมั่น",
                "signatoryPosition", "อธิบดีกรมบัญชีกลาง"));
        MvcResult r = call(as(multipart("/api/letters/import")
                .file(new MockMultipartFile("scan", "scan.pdf", "application/pdf", pdf))
                .file(new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                        metadata.getBytes(StandardCharsets.UTF_8))), "opdc.clerk"));
        assertStatus(r, 201);
        return body(r).get("id").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void the_archive_searches_the_filed_letters_and_exports_their_bundles() throws Exception {
        postJson("opdc.records", "/api/archive/file-plan", Map.of("code", "๗.๔", "title", "งานพัสดุ",
                "retentionYears", 10), 200);
        String filed = receivedPaperLetter("กค ๐๔๒๐/๗๑", "2026-03-02", "รายงานผลการตรวจนับพัสดุประจำปี");
        String notFiled = receivedPaperLetter("กค ๐๔๒๐/๗๒", "2026-03-03", "รายงานผลการตรวจนับพัสดุครึ่งปี");
        String later = receivedPaperLetter("กค ๐๔๒๐/๗๓", "2026-03-20", "แจ้งกำหนดการจำหน่ายพัสดุชำรุด");
        postJson("opdc.clerk", "/api/letters/" + filed + "/file", Map.of("fileCode", "๗.๔"), 200);
        postJson("opdc.clerk", "/api/letters/" + later + "/file", Map.of("fileCode", "๗.๔"), 200);

        // words: only the filed letter, with its filing; the search over every letter finds both
        JsonNode found = getJson("opdc.records", "/api/archive?q=ตรวจนับพัสดุ", 200);
        assertThat(ids(found)).contains(filed).doesNotContain(notFiled, later);
        JsonNode hit = found.get("items").get(ids(found).indexOf(filed));
        assertThat(hit.get("status").asText()).isEqualTo("FILED");
        assertThat(hit.get("filing").get("fileCode").asText()).isEqualTo("๗.๔");
        assertThat(hit.get("filing").get("stamp").asText()).startsWith("เก็บถึง พ.ศ. ");
        assertThat(ids(getJson("opdc.records", "/api/search?q=ตรวจนับพัสดุ", 200))).contains(filed, notFiled);

        // no words: every filed letter in the dates, the latest first
        JsonNode march = getJson("opdc.clerk", "/api/archive?from=2026-03-01&to=2026-03-31", 200);
        assertThat(ids(march)).containsSubsequence(later, filed).doesNotContain(notFiled);
        assertThat(ids(getJson("opdc.clerk", "/api/archive?from=2026-03-10&to=2026-03-31", 200)))
                .contains(later).doesNotContain(filed);
        assertThat(ids(getJson("opdc.clerk", "/api/archive?q=จำหน่ายพัสดุ&kind=EXTERNAL", 200))).contains(later);

        // another agency sees none of it
        assertThat(ids(getJson("soc.records", "/api/archive?q=ตรวจนับพัสดุ", 200))).doesNotContain(filed);
        assertThat(ids(getJson("soc.records", "/api/archive", 200))).doesNotContain(filed, later);

        // bad dates are refused, naming the field
        JsonNode bad = getJson("opdc.records", "/api/archive?from=2026-13-01", 422);
        assertThat(bad.get("code").asText()).isEqualTo("INVALID_DATE");
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("from");

        // the bundle, at the archive's address as at the letter's
        MvcResult zip = call(as(get("/api/archive/" + filed + "/bundle"), "opdc.records"));
        assertStatus(zip, 200);
        assertThat(zip.getResponse().getContentType()).startsWith("application/zip");
        assertThat(entries(zip.getResponse().getContentAsByteArray())).contains("manifest.json", "events.json");
        assertStatus(call(as(get("/api/archive/" + filed + "/bundle"), "soc.records")), 404);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
