package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/**
 * The 20-year lists end to end: two letters of 2004 reach twenty years in 2567 (2024), surveyed in January
 * 2025; one is kept by the agency
 * with its reason, the other is handed to the National Archives after the head's approval.
 */
class TransferListTest extends WebTestSupport {

    private String filedIn2004(String subject) throws Exception {
        Map<String, Object> letter = new HashMap<>(externalLetter(subject));
        letter.put("to", List.of(Map.of("position", "อธิบดีกรมศิลปากร")));
        String id = postJson("dga.officer", "/api/letters", letter, 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        postJson("dga.clerk", "/api/letters/" + id + "/file", Map.of("fileCode", "๑.๑", "permanent", true), 200);
        return id;
    }

    @Test
    void letters_of_twenty_years_are_transferred_or_kept_with_a_reason() throws Exception {
        String transferred;
        String kept;
        try {
            clock.set(Instant.parse("2004-06-01T03:00:00Z"));
            transferred = filedIn2004("รายงานผลการดำเนินงานประจำปี ๒๕๔๗");
            kept = filedIn2004("บันทึกข้อตกลงความร่วมมือด้านข้อมูล ๒๕๔๗");
            clock.set(Instant.parse("2025-01-10T03:00:00Z"));

            JsonNode candidates = getJson("dga.records", "/api/archive/transfer/candidates?year=2567", 200);
            assertThat(candidates.findValuesAsText("letterId")).contains(transferred, kept);
            assertThat(getJson("dga.records", "/api/archive/transfer/candidates?year=2566", 200)
                    .findValuesAsText("letterId")).doesNotContain(transferred);

            JsonNode refused = postJson("dga.records", "/api/archive/transfer-lists",
                    Map.of("yearBE", 2567, "keep", List.of(Map.of("letterId", kept))), 422);
            assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("keep[0].reason");
            JsonNode list = postJson("dga.records", "/api/archive/transfer-lists", Map.of("yearBE", 2567,
                    "keep", List.of(Map.of("letterId", kept, "reason", "ยังใช้เป็นหลักฐานตามข้อตกลง"))), 201);
            String id = list.get("id").asText();
            assertThat(list.get("transfer").findValuesAsText("letterId")).contains(transferred).doesNotContain(kept);
            assertThat(list.get("keep").get(0).get("keepReason").asText()).isEqualTo("ยังใช้เป็นหลักฐานตามข้อตกลง");
            assertThat(list.get("late").asBoolean()).isFalse();

            String path = "/api/archive/transfer-lists/" + id;
            assertThat(postJson("dga.records", path + "/handover", Map.of("receipt", "กศ ๐๔๐๑/๑๒"), 409)
                    .get("code").asText()).isEqualTo("NOT_APPROVED");
            postJson("dga.director", path + "/approve", null, 200);
            JsonNode done = postJson("dga.records", path + "/handover", Map.of("receipt", "กศ ๐๔๐๑/๑๒"), 200);
            assertThat(done.get("status").asText()).isEqualTo("TRANSFERRED");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    "TRANSFERRED".equals(getJson("dga.clerk", "/api/letters/" + transferred, 200).get("status").asText()));
            assertThat(getJson("dga.clerk", "/api/letters/" + kept, 200).get("status").asText()).isEqualTo("FILED");
            getJson("soc.records", path, 404);
        } finally {
            clock.reset();
        }
    }
}
