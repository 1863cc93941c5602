package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** API.md "Conventions": {@code Idempotency-Key} on any POST, and {@code If-Match} with 412 on a stale version. */
class IdempotencyAndVersionTest extends AcceptanceTestSupport {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private MockHttpServletRequestBuilder postWithKey(String username, String path, Object body, String key)
            throws Exception {
        return as(post(path).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body == null ? Map.of() : body)), username);
    }

    private List<String> outboxIds(String subject) throws Exception {
        return getJson("dga.officer", "/api/outbox?size=200&q=" + subject, 200).get("items").findValuesAsText("id");
    }

    @Test
    void creating_a_letter_twice_with_the_same_idempotency_key_returns_the_first_result_and_stores_one_letter()
            throws Exception {
        String subject = "ขอความอนุเคราะห์ข้อมูล " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        long before = storedEvents();

        MvcResult first = call(postWithKey("dga.officer", "/api/letters", externalLetter(subject), key));
        assertStatus(first, 201);
        MvcResult retry = call(postWithKey("dga.officer", "/api/letters", externalLetter(subject), key));
        assertStatus(retry, 201);

        String id = body(first).get("id").asText();
        assertThat(body(retry).get("id").asText()).isEqualTo(id);
        assertThat(retry.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/letters/" + id)
                .isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).as("one DraftLetterCreated, not two").isEqualTo(before + 1);
        assertThat(outboxIds(subject)).containsExactly(id);

        // a new key is a new request
        MvcResult other = call(postWithKey("dga.officer", "/api/letters", externalLetter(subject), UUID.randomUUID().toString()));
        assertStatus(other, 201);
        assertThat(body(other).get("id").asText()).isNotEqualTo(id);
        assertThat(outboxIds(subject)).hasSize(2);
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_refused_and_stores_nothing() throws Exception {
        String subject = "ขอเชิญประชุม " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        assertStatus(call(postWithKey("dga.officer", "/api/letters", externalLetter(subject), key)), 201);
        long before = storedEvents();

        MvcResult reused = call(postWithKey("dga.officer", "/api/letters", externalLetter(subject + " (แก้ไข)"), key));

        problem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(outboxIds(subject)).hasSize(1);
    }

    @Test
    void a_dispatch_retried_with_the_same_key_gets_the_same_number_and_only_one_number_is_issued() throws Exception {
        clock.set(Instant.parse("2048-02-01T03:00:00Z")); // book (สพร, sent, 2591) is used by no other test
        String id = signedLetter("แจ้งผลการพิจารณา " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        MvcResult first = call(postWithKey("dga.clerk", "/api/letters/" + id + "/dispatch", null, key));
        assertStatus(first, 200);
        awaitDeliveries("dga.clerk", id, "DELIVERED");
        long settled = storedEvents();
        MvcResult retry = call(postWithKey("dga.clerk", "/api/letters/" + id + "/dispatch", null, key));
        assertStatus(retry, 200);

        String number = body(first).get("number").asText();
        assertThat(number).isEqualTo("สพร ๐๒/๑");
        assertThat(body(retry).get("number").asText()).isEqualTo(number);
        assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).as("the retry stored nothing").isEqualTo(settled);

        JsonNode rows = getJson("dga.clerk", "/api/registers/สพร/sent/2591", 200).get("rows");
        assertThat(rows.findValuesAsText("letterId")).containsExactly(id);
        assertThat(rows.get(0).get("registerNumber").asLong()).isEqualTo(1);

        // without the key the retry is a second dispatch, and the letter refuses it
        problem(call(as(post("/api/letters/" + id + "/dispatch").contentType(MediaType.APPLICATION_JSON).content("{}"),
                "dga.clerk")), 409, "LETTER_ALREADY_DISPATCHED");
        assertThat(storedEvents()).isEqualTo(settled);
    }

    @Test
    void an_edit_with_a_stale_if_match_is_refused_with_412_and_stores_nothing_while_the_current_etag_succeeds()
            throws Exception {
        MvcResult created = call(as(post("/api/letters").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(externalLetter("ร่างแรก " + UUID.randomUUID()))), "dga.officer"));
        assertStatus(created, 201);
        String id = body(created).get("id").asText();
        String etag0 = created.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag0).isEqualTo("\"" + body(created).get("version").asLong() + "\"");

        MvcResult edited = call(edit(id, Map.of("subject", "ร่างที่สอง"), etag0));
        assertStatus(edited, 200);
        String etag1 = edited.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag1).isNotEqualTo(etag0);
        assertThat(body(edited).get("subject").asText()).isEqualTo("ร่างที่สอง");

        long before = storedEvents();
        long versionBefore = version("dga.officer", id);
        JsonNode stale = problem(call(edit(id, Map.of("subject", "ทับการแก้ไขของผู้อื่น"), etag0)), 412, "VERSION_MISMATCH");
        assertThat(fields(stale)).containsExactly("If-Match");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(version("dga.officer", id)).isEqualTo(versionBefore);
        assertThat(getJson("dga.officer", "/api/letters/" + id, 200).get("subject").asText()).isEqualTo("ร่างที่สอง");

        // a version from the future is just as stale
        problem(call(edit(id, Map.of("subject", "x"), "\"" + (versionBefore + 5) + "\"")), 412, "VERSION_MISMATCH");
        // the other commands honour If-Match too
        byte[] submit = json.writeValueAsBytes(Map.of("approverId", id("dga.director")));
        problem(call(as(post("/api/letters/" + id + "/submit").header(HttpHeaders.IF_MATCH, etag0)
                .contentType(MediaType.APPLICATION_JSON).content(submit), "dga.officer")), 412, "VERSION_MISMATCH");
        assertThat(storedEvents()).isEqualTo(before);

        MvcResult current = call(edit(id, Map.of("subject", "ร่างที่สาม"), etag1));
        assertStatus(current, 200);
        assertThat(body(current).get("subject").asText()).isEqualTo("ร่างที่สาม");
        assertThat(body(current).get("version").asLong()).isEqualTo(versionBefore + 1);
        assertThat(current.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + (versionBefore + 1) + "\"");
        assertThat(storedEvents()).isEqualTo(before + 1);
        // the GET's ETag is the one to send next
        assertThat(call(as(get("/api/letters/" + id), "dga.officer")).getResponse().getHeader(HttpHeaders.ETAG))
                .isEqualTo(current.getResponse().getHeader(HttpHeaders.ETAG));
    }

    private MockHttpServletRequestBuilder edit(String id, Map<String, Object> patch, String ifMatch) throws Exception {
        return as(patch("/api/letters/" + id).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(patch)), "dga.officer");
    }
}
