package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/**
 * Filing at ก.พ.ร. (นร ๑๒): the file plan and its retention classes decide what a letter is filed under and for
 * how long; the storage register and the unit's list of letters sent for storage show the filed letters.
 */
class FilingRecordsTest extends WebTestSupport {

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    @Test
    void the_file_plan_sets_the_codes_and_retention_and_the_registers_list_what_was_filed() throws Exception {
        try {
            clock.set(Instant.parse("2026-05-04T03:00:00Z")); // BE 2569
            postJson("opdc.clerk", "/api/archive/file-plan", Map.of("code", "๒.๑", "title", "งานสารบรรณ",
                    "retentionYears", 10), 403);
            JsonNode bad = postJson("opdc.records", "/api/archive/file-plan", Map.of("code", " ", "retentionYears", 0), 422);
            assertThat(fields(bad)).containsExactlyInAnyOrder("code", "title", "retentionYears");
            postJson("opdc.records", "/api/archive/file-plan", Map.of("code", "๒.๑", "title", "งานสารบรรณทั่วไป",
                    "retentionYears", 10), 200);
            JsonNode plan = postJson("opdc.records", "/api/archive/file-plan", Map.of("code", "๑.๑",
                    "title", "คดีและการสอบสวน", "permanent", true), 200);
            assertThat(plan.findValuesAsText("code")).containsExactly("๑.๑", "๒.๑");
            assertThat(plan.get(0).get("retentionThai").asText()).isEqualTo("ห้ามทำลาย");
            assertThat(plan.get(1).get("retentionThai").asText()).isEqualTo("๑๐ ปี");
            assertThat(getJson("soc.records", "/api/archive/file-plan", 200).findValuesAsText("title"))
                    .doesNotContain("คดีและการสอบสวน");

            String routine = importPaperLetter("opdc.clerk", "กค ๐๔๑๐.๒/๑๑๑", "2026-04-20", "ขอความร่วมมือรายงานการใช้จ่ายงบประมาณ");
            String caseFile = importPaperLetter("opdc.clerk", "กค ๐๔๑๐.๒/๑๑๒", "2026-04-20", "ขอข้อมูลประกอบการสอบสวนข้อเท็จจริง");
            JsonNode refused = postJson("opdc.clerk", "/api/letters/" + routine + "/file", Map.of("fileCode", "๙.๙"), 422);
            assertThat(fields(refused)).containsExactly("fileCode");
            assertThat(getJson("opdc.clerk", "/api/letters/" + routine, 200).get("status").asText()).isEqualTo("RECEIVED");

            JsonNode filed = postJson("opdc.clerk", "/api/letters/" + routine + "/file", Map.of("fileCode", "๒.๑"), 200);
            assertThat(filed.get("filing").get("retentionYears").asInt()).isEqualTo(10);
            assertThat(filed.get("filing").get("stamp").asText()).isEqualTo("เก็บถึง พ.ศ. ๒๕๗๙");
            clock.set(Instant.parse("2026-05-05T03:00:00Z"));
            JsonNode kept = postJson("opdc.records", "/api/letters/" + caseFile + "/file", Map.of("fileCode", "๑.๑"), 200);
            assertThat(kept.get("filing").get("permanent").asBoolean()).isTrue();
            assertThat(kept.get("filing").get("stamp").asText()).isEqualTo("ห้ามทำลาย");

            JsonNode register = getJson("opdc.records", "/api/archive/storage-register?year=2569", 200);
            assertThat(register.get("yearThai").asText()).isEqualTo("๒๕๖๙");
            List<JsonNode> ours = new ArrayList<>();
            register.get("rows").forEach(r -> {
                if (List.of(routine, caseFile).contains(r.get("letterId").asText())) {
                    ours.add(r);
                }
            });
            assertThat(ours).extracting(r -> r.get("letterId").asText()).containsExactly(routine, caseFile);
            assertThat(ours.get(1).get("item").asInt()).isEqualTo(ours.get(0).get("item").asInt() + 1);
            assertThat(ours.get(0).get("number").asText()).isEqualTo("กค ๐๔๑๐.๒/๑๑๑");
            assertThat(ours.get(0).get("fileCode").asText()).isEqualTo("๒.๑");
            assertThat(ours.get(0).get("retention").asText()).isEqualTo("เก็บถึง พ.ศ. ๒๕๗๙");
            assertThat(ours.get(1).get("retention").asText()).isEqualTo("ห้ามทำลาย");
            assertThat(getJson("opdc.records", "/api/archive/storage-register?year=2568", 200).get("rows")
                    .findValuesAsText("letterId")).doesNotContain(routine, caseFile);

            JsonNode sent = getJson("opdc.clerk", "/api/archive/storage-lists?year=2569&unit=๐๑", 200);
            assertThat(sent.get("unitName").asText()).isEqualTo("สำนักงานเลขาธิการ");
            assertThat(sent.get("rows").findValuesAsText("letterId")).contains(routine, caseFile);
            assertThat(getJson("opdc.clerk", "/api/archive/storage-lists?year=2569&unit=๑๐", 200).get("rows")
                    .findValuesAsText("letterId")).doesNotContain(routine);
            getJson("opdc.clerk", "/api/archive/storage-lists?year=2569&unit=๙๙", 422);
            getJson("opdc.officer", "/api/archive/storage-register?year=2569", 403);
            assertThat(getJson("soc.records", "/api/archive/storage-register?year=2569", 200).get("rows")
                    .findValuesAsText("letterId")).doesNotContain(routine, caseFile);

            postJson("opdc.records", "/api/archive/file-plan/retire", Map.of("code", "๒.๑"), 200);
            assertThat(getJson("opdc.records", "/api/archive/file-plan", 200).findValuesAsText("code"))
                    .containsExactly("๑.๑");
            String later = importPaperLetter("opdc.clerk", "กค ๐๔๑๐.๒/๑๑๓", "2026-04-20", "แจ้งผลการพิจารณางบประมาณ");
            postJson("opdc.clerk", "/api/letters/" + later + "/file", Map.of("fileCode", "๒.๑"), 422);
            postJson("opdc.records", "/api/archive/file-plan/retire", Map.of("code", "๒.๑"), 409);
        } finally {
            clock.reset();
        }
    }
}
