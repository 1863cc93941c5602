package org.saraban.web.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The archive's routes as API.md gives them: {@code GET /api/archive} searches and lists the filed letters only, and
 * {@code GET /api/archive/{id}/bundle} exports a letter's bundle; another agency gets neither.
 */
class ArchiveApiTest extends WebTestSupport {

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void the_archive_searches_the_filed_letters_and_exports_their_bundles() throws Exception {
        // at สพร, which has no file plan (the tests share one store): a clerk gives the file code and the retention
        String filed = importPaperLetter("dga.clerk", "กค ๐๔๒๐/๗๑", "2026-03-02", "รายงานผลการตรวจนับพัสดุประจำปี");
        String notFiled = importPaperLetter("dga.clerk", "กค ๐๔๒๐/๗๒", "2026-03-03", "รายงานผลการตรวจนับพัสดุครึ่งปี");
        String later = importPaperLetter("dga.clerk", "กค ๐๔๒๐/๗๓", "2026-03-20", "แจ้งกำหนดการจำหน่ายพัสดุชำรุด");
        postJson("dga.clerk", "/api/letters/" + filed + "/file", Map.of("fileCode", "๗.๔", "retentionYears", 10), 200);
        postJson("dga.clerk", "/api/letters/" + later + "/file", Map.of("fileCode", "๗.๔", "retentionYears", 10), 200);

        // words: only the filed letter, with its filing; the search over every letter finds both
        JsonNode found = getJson("dga.records", "/api/archive?q=ตรวจนับพัสดุ", 200);
        assertThat(ids(found)).contains(filed).doesNotContain(notFiled, later);
        JsonNode hit = found.get("items").get(ids(found).indexOf(filed));
        assertThat(hit.get("status").asText()).isEqualTo("FILED");
        assertThat(hit.get("filing").get("fileCode").asText()).isEqualTo("๗.๔");
        assertThat(hit.get("filing").get("stamp").asText()).startsWith("เก็บถึง พ.ศ. ");
        assertThat(ids(getJson("dga.records", "/api/search?q=ตรวจนับพัสดุ", 200))).contains(filed, notFiled);

        // no words: every filed letter in the dates, the latest first
        JsonNode march = getJson("dga.clerk", "/api/archive?from=2026-03-01&to=2026-03-31", 200);
        assertThat(ids(march)).containsSubsequence(later, filed).doesNotContain(notFiled);
        assertThat(ids(getJson("dga.clerk", "/api/archive?from=2026-03-10&to=2026-03-31", 200)))
                .contains(later).doesNotContain(filed);
        assertThat(ids(getJson("dga.clerk", "/api/archive?q=จำหน่ายพัสดุ&kind=EXTERNAL", 200))).contains(later);

        // another agency sees none of it
        assertThat(ids(getJson("soc.records", "/api/archive?q=ตรวจนับพัสดุ", 200))).doesNotContain(filed);
        assertThat(ids(getJson("soc.records", "/api/archive", 200))).doesNotContain(filed, later);

        // bad dates are refused, naming the field
        JsonNode bad = getJson("dga.records", "/api/archive?from=2026-13-01", 422);
        assertThat(bad.get("code").asText()).isEqualTo("INVALID_DATE");
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("from");

        // the bundle, at the archive's address as at the letter's
        MvcResult zip = call(as(get("/api/archive/" + filed + "/bundle"), "dga.records"));
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
