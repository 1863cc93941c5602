package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.test.web.servlet.MvcResult;

/** A letter as it stood at a past instant ({@code ?asOf=}), recomputed from its events. */
class LetterAsOfTest extends WebTestSupport {

    private JsonNode asOf(String username, String id, Instant at, int status) throws Exception {
        MvcResult r = call(as(get("/api/letters/{id}?asOf={at}", id, at.toString()), username));
        assertStatus(r, status);
        return body(r);
    }

    @Test
    void the_letter_then_is_what_its_events_up_to_then_made_it() throws Exception {
        Instant before = Instant.now();
        Thread.sleep(5);
        String id = postJson("dga.officer", "/api/letters", externalLetter("ขอความอนุเคราะห์ข้อมูลย้อนหลัง"), 201)
                .get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        Thread.sleep(5);
        Instant submitted = Instant.now();
        Thread.sleep(5);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        Thread.sleep(5);
        Instant after = Instant.now();

        JsonNode then = asOf("dga.clerk", id, submitted, 200);
        assertThat(then.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(then.get("number").isNull()).isTrue();
        assertThat(then.get("asOf").asText()).isNotBlank();
        assertThat(then.has("searchGrams")).isFalse();

        JsonNode now = asOf("dga.clerk", id, after, 200);
        assertThat(now.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(now.get("number").asText()).isEqualTo(dispatched.get("number").asText());
        assertThat(now.get("eventsReplayed").asLong()).isGreaterThan(then.get("eventsReplayed").asLong());

        assertThat(asOf("dga.clerk", id, before, 404).get("code").asText()).isEqualTo("LETTER_NOT_YET_WRITTEN");
        assertThat(asOf("soc.clerk", id, after, 404).get("code").asText()).isEqualTo("LETTER_NOT_FOUND");
        MvcResult bad = call(as(get("/api/letters/{id}?asOf={at}", id, "เมื่อวาน"), "dga.clerk"));
        assertStatus(bad, 422);
        assertThat(body(bad).get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        // a date alone means the end of that day in Bangkok
        MvcResult today = call(as(get("/api/letters/{id}?asOf={at}", id,
                java.time.LocalDate.now(org.saraban.api.common.ThaiText.BANGKOK).toString()), "dga.clerk"));
        assertStatus(today, 200);
        assertThat(body(today).get("status").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void a_register_then_lacks_the_numbers_given_since() throws Exception {
        JsonNode first = dispatchedLetter("ขอส่งข้อมูลประกอบการจัดทำทะเบียนย้อนหลัง");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        JsonNode second = dispatchedLetter("ขอส่งข้อมูลเพิ่มเติมประกอบการจัดทำทะเบียนย้อนหลัง");
        int year = first.get("yearBE").asInt();
        String path = "/api/registers/{agency}/sent/{year}?asOf={at}";
        MvcResult then = call(as(get(path, "สพร", year, between.toString()), "dga.clerk"));
        assertStatus(then, 200);
        String rows = body(then).get("rows").toString();
        assertThat(rows).contains(first.get("number").asText()).doesNotContain(second.get("number").asText());
        MvcResult now = call(as(get(path, "สพร", year, Instant.now().toString()), "dga.clerk"));
        assertThat(body(now).get("rows").toString()).contains(second.get("number").asText());
        assertStatus(call(as(get(path, "สพร", year, between.toString()), "soc.clerk")), 404);
    }
}
