package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/**
 * Secret letters (issue 6, item 1): seen only by those who handle them and by named grant; every view, download
 * and print recorded as an event, without changing the letter's version.
 */
class SecretAccessTest extends WebTestSupport {

    @Test
    void a_secret_letter_is_seen_by_named_grant_and_every_view_and_print_is_logged() throws Exception {
        Map<String, Object> letter = new HashMap<>(externalLetter("แจ้งผลการตรวจสอบเหตุการณ์ความมั่นคงปลอดภัยไซเบอร์"));
        letter.put("secrecy", "SECRET");
        JsonNode draft = postJson("dga.officer", "/api/letters", letter, 201);
        String id = draft.get("id").asText();

        getJson("dga.records", "/api/letters/" + id, 404);
        postJson("dga.officer2", "/api/letters/" + id + "/secret-grants", Map.of("personId", id("dga.records")), 404);
        postJson("dga.clerk", "/api/letters/" + id + "/secret-grants", Map.of("personId", id("soc.records")), 422);
        JsonNode granted = postJson("dga.clerk", "/api/letters/" + id + "/secret-grants",
                Map.of("personId", id("dga.records"), "reason", "ตรวจสอบเพื่อจัดเก็บ"), 200);
        long version = granted.get("version").asLong();

        JsonNode seen = getJson("dga.records", "/api/letters/" + id, 200);
        assertThat(seen.get("subject").asText()).contains("ไซเบอร์");
        assertStatus(call(as(get("/api/letters/" + id + "/pdf"), "dga.records")), 200);
        // the log is projected like any other event: wait for it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                getJson("dga.clerk", "/api/letters/" + id, 200).path("accessLog").findValuesAsText("what").contains("PRINT"));
        JsonNode after = getJson("dga.clerk", "/api/letters/" + id, 200);
        assertThat(after.get("version").asLong()).as("reading changes nothing of the letter").isEqualTo(version);
        JsonNode log = after.get("accessLog");
        assertThat(log.findValuesAsText("what")).contains("VIEW", "PRINT");
        assertThat(log.toString()).contains(id("dga.records"));
        assertThat(after.get("secretGrants").get(0).get("reason").asText()).isEqualTo("ตรวจสอบเพื่อจัดเก็บ");

        // a letter that is not secret needs no grant, and its reading is not logged
        String open = postJson("dga.officer", "/api/letters", externalLetter("ขอเชิญประชุมประจำเดือน"), 201)
                .get("id").asText();
        postJson("dga.clerk", "/api/letters/" + open + "/secret-grants", Map.of("personId", id("dga.records")), 409);
        getJson("dga.clerk", "/api/letters/" + open, 200);
        assertThat(getJson("dga.clerk", "/api/letters/" + open, 200).has("accessLog")).isFalse();
    }
}
