package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.saraban.command.store.BlobStore;
import org.saraban.web.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 6 acceptance: a destruction end to end. Two filed letters whose keeping ended are listed; the committee
 * keeps one longer; the head approves; nothing goes while the National Archives may object; then the other
 * letter's content is gone from the blob store, and the list and the letter's metadata remain.
 */
class DestructionFlowTest extends WebTestSupport {

    @Autowired
    BlobStore blobs;

    /** A letter to someone outside Saraban (no electronic copy shares its file), with a file of its own, filed. */
    private String[] filedLetter(String subject) throws Exception {
        byte[] content = (subject + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        MvcResult up = call(as(multipart("/api/files").file(new MockMultipartFile("file", "attachment.txt",
                "text/plain", content)), "dga.officer"));
        assertStatus(up, 201);
        String sha = body(up).get("sha256").asText();
        Map<String, Object> letter = new HashMap<>(externalLetter(subject));
        letter.put("to", List.of(Map.of("position", "ผู้ว่าราชการจังหวัดขอนแก่น")));
        letter.put("enclosures", List.of(Map.of("title", "เอกสารประกอบ จำนวน ๑ ชุด", "sha256", sha)));
        String id = postJson("dga.officer", "/api/letters", letter, 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        JsonNode filed = postJson("dga.clerk", "/api/letters/" + id + "/file",
                Map.of("fileCode", "๒.๙", "retentionYears", 1), 200);
        return new String[] {id, sha, filed.get("filing").get("keepUntilYearBE").asText()};
    }

    @Test
    void the_content_is_gone_from_the_blob_store_and_the_list_remains() throws Exception {
        String[] a = filedLetter("ขอส่งสำเนาคำสั่งแต่งตั้งคณะทำงานชั่วคราว");
        String[] b = filedLetter("ขอส่งรายงานผลการสำรวจความพร้อมประจำไตรมาส");
        int year = Integer.parseInt(a[2]);
        assertThat(blobs.find(a[1])).isPresent();
        try {
            // the survey, 20 January of the year after the keeping ended
            Instant survey = LocalDate.of(year - 543 + 1, 1, 20).atTime(3, 0).toInstant(ZoneOffset.UTC);
            clock.set(survey);
            JsonNode candidates = getJson("dga.records", "/api/archive/destruction/candidates?year=" + year, 200);
            assertThat(candidates.findValuesAsText("letterId")).contains(a[0], b[0]);

            JsonNode list = postJson("dga.records", "/api/archive/destruction-lists",
                    Map.of("surveyYearBE", year, "letterIds", List.of(a[0], b[0])), 201);
            String id = list.get("id").asText();
            assertThat(list.get("late").asBoolean()).isFalse();
            assertThat(list.get("items").findValuesAsText("blobs").toString()).isNotNull();
            assertThat(list.get("items").get(0).get("blobs").toString()).contains(a[1]);
            JsonNode refused = postJson("dga.records", "/api/archive/destruction-lists",
                    Map.of("surveyYearBE", year, "letterIds", List.of("no-such-letter")), 422);
            assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("letterIds[0]");

            String path = "/api/archive/destruction-lists/" + id;
            postJson("dga.director", path + "/committee", Map.of("chairId", id("dga.head"),
                    "memberIds", List.of(id("dga.officer"))), 422);
            postJson("dga.director", path + "/committee", Map.of("chairId", id("dga.head"),
                    "memberIds", List.of(id("dga.officer"), id("dga.officer2"))), 200);
            assertThat(postJson("dga.records", path + "/review", Map.of("keepLonger", List.of()), 403)
                    .get("code").asText()).isEqualTo("NOT_THE_CHAIR");
            postJson("dga.head", path + "/review", Map.of("keepLonger", List.of(b[0]),
                    "report", "เรื่องที่สองยังใช้ประกอบการตรวจสอบ ให้เก็บไว้อีก ๕ ปี"), 200);
            JsonNode approved = postJson("dga.director", path + "/approve", null, 200);
            assertThat(approved.get("status").asText()).isEqualTo("AT_THE_ARCHIVES");

            assertThat(postJson("dga.records", path + "/destroy", null, 409).get("code").asText())
                    .isEqualTo("ARCHIVES_WINDOW_OPEN");
            assertThat(blobs.find(a[1])).isPresent();

            clock.set(survey.plus(Duration.ofDays(61)));
            JsonNode destroyed = postJson("dga.records", path + "/destroy", null, 200);
            assertThat(destroyed.get("status").asText()).isEqualTo("DESTROYED");
            assertThat(destroyed.get("destruction").get("letters").findValuesAsText("")).isNotNull();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> blobs.find(a[1]).isEmpty());
            assertThat(blobs.find(b[1])).as("kept longer by the committee").isPresent();
            JsonNode letterA = getJson("dga.clerk", "/api/letters/" + a[0], 200);
            assertThat(letterA.get("status").asText()).isEqualTo("DESTROYED");
            assertThat(letterA.get("subject").asText()).isEqualTo("ขอส่งสำเนาคำสั่งแต่งตั้งคณะทำงานชั่วคราว");
            assertThat(letterA.get("destroyed").get("listId").asText()).isEqualTo(id);
            assertThat(getJson("dga.clerk", "/api/letters/" + b[0], 200).get("status").asText()).isEqualTo("FILED");

            // the list stays, with every line, the review and the destruction
            JsonNode kept = getJson("dga.records", path, 200);
            assertThat(kept.get("items").findValuesAsText("letterId")).containsExactly(a[0], b[0]);
            assertThat(kept.get("destruction").get("letters").toString()).contains(a[0]).doesNotContain(b[0]);
            assertThat(kept.get("review").get("keptLonger").toString()).contains(b[0]);
            assertThat(getJson("dga.records", "/api/archive/destruction-lists", 200).findValuesAsText("id")).contains(id);
            getJson("soc.records", path, 404);
        } finally {
            clock.reset();
        }
    }
}
