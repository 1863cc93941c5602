package org.saraban.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.saraban.web.signing.PdfTestSupport;

/**
 * A data subject asks for erasure of their name and telephone number from an official letter. The record must be
 * kept, so the head decides to redact: the data leaves the letter's view, the search, the register and the
 * disclosure copy; the original is restricted to records officers; the request and decision are recorded.
 */
class PdpaRedactionTest extends PdfTestSupport {

    private static final String NAME = "นายสมศักดิ์ ใจดีเสมอ";

    private static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private int hits(String user, String q) throws Exception {
        var r = call(as(get("/api/search?q={q}", q), user));
        assertStatus(r, 200);
        return body(r).get("total").asInt();
    }

    @Test
    void an_erasure_request_against_an_official_letter_ends_in_redaction_and_the_record_stays() throws Exception {
        Map<String, Object> letter = new HashMap<>(externalLetter("ขอความอนุเคราะห์ข้อมูลกรณี" + NAME + " ร้องเรียน"));
        letter.put("body", List.of("ด้วย" + NAME + " โทร ๐๘๑ ๒๓๔ ๕๖๗๘ ได้ร้องเรียนเรื่องการให้บริการ",
                "จึงเรียนมาเพื่อโปรดพิจารณา"));
        String id = postJson("dga.officer", "/api/letters", letter, 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        int yearBE = dispatched.get("yearBE").asInt();
        String copy = copyAtSoc(dispatched);
        assertThat(hits("dga.clerk", "สมศักดิ์")).isGreaterThanOrEqualTo(1);

        JsonNode bad = postJson("dga.records", "/api/privacy/requests", Map.of("kind", "DELETE",
                "letterIds", List.of(copy), "terms", List.of("นา")), 422);
        assertThat(fields(bad)).containsExactlyInAnyOrder("kind", "subjectName", "letterIds[0]", "terms[0]");
        postJson("dga.clerk", "/api/privacy/requests", Map.of("kind", "ERASURE", "subjectName", NAME), 403);

        JsonNode request = postJson("dga.records", "/api/privacy/requests", Map.of("kind", "ERASURE",
                "subjectName", NAME, "details", "ขอให้ลบชื่อและหมายเลขโทรศัพท์ออกจากหนังสือ",
                "letterIds", List.of(id), "terms", List.of(NAME, "081-234-5678")), 201);
        String path = "/api/privacy/requests/" + request.get("id").asText();
        assertThat(request.get("status").asText()).isEqualTo("OPEN");
        assertThat(request.get("answerBy").asText()).isNotBlank();
        getJson("soc.records", path, 404);
        getJson("dga.clerk", path, 404);

        JsonNode unexplained = postJson("dga.director", path + "/decision", Map.of("outcome", "REDACTED"), 422);
        assertThat(fields(unexplained)).containsExactlyInAnyOrder("legalBasis", "reason");
        JsonNode decided = postJson("dga.director", path + "/decision", Map.of("outcome", "REDACTED",
                "legalBasis", "มาตรา ๒๔(๔) และมาตรา ๓๓ วรรคสอง",
                "reason", "หนังสือราชการต้องเก็บตามระเบียบงานสารบรรณ จึงปกปิดข้อมูลแทนการลบ"), 200);
        assertThat(decided.get("status").asText()).isEqualTo("REDACTED");
        assertThat(decided.get("decision").get("late").asBoolean()).isFalse();
        postJson("dga.director", path + "/decision", Map.of("outcome", "GRANTED"), 409);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                !getJson("dga.clerk", "/api/letters/" + id, 200).path("redactions").isEmpty());
        JsonNode view = getJson("dga.clerk", "/api/letters/" + id, 200);
        assertThat(view.toString()).doesNotContain("สมศักดิ์").doesNotContain("๒๓๔").contains("[ปกปิด]");
        assertThat(view.has("redactionTerms")).isFalse();
        assertThat(view.get("body").get(0).asText()).isEqualTo("ด้วย[ปกปิด] โทร [ปกปิด] ได้ร้องเรียนเรื่องการให้บริการ");
        assertThat(view.get("redactions").get(0).get("legalBasis").asText()).startsWith("มาตรา ๒๔(๔)");
        assertThat(hits("dga.clerk", "สมศักดิ์")).isZero();
        assertThat(hits("dga.clerk", "ขอความอนุเคราะห์ข้อมูลกรณี")).isGreaterThanOrEqualTo(1);
        JsonNode register = getJson("dga.clerk", "/api/registers/สพร/sent/" + yearBE, 200);
        assertThat(register.toString()).doesNotContain("สมศักดิ์").doesNotContain("redactionTerms");

        getJson("dga.clerk", "/api/letters/" + id + "/pdf", 403);
        getJson("dga.clerk", "/api/letters/" + id + "/bundle", 403);
        assertThat(call(as(get("/api/letters/" + id + "/pdf"), "dga.records")).getResponse().getStatus()).isEqualTo(200);
        byte[] disclosure = pdf("dga.clerk", "/api/letters/" + id + "/disclosure-copy");
        assertThat(text(disclosure)).doesNotContain("สมศักดิ์").contains("ปกปิด");
        assertThat(stamps(disclosure)).anyMatch(s -> s.contains("สำเนาเพื่อการเปิดเผย") && s.contains("ปกปิดข้อมูลส่วนบุคคล"));

        // นร ๐๕ keeps its own received copy: the decision of สพร is not theirs to make
        assertThat(getJson("soc.clerk", "/api/letters/" + copy, 200).toString()).contains("สมศักดิ์");
        assertThat(getJson("dga.records", "/api/privacy/requests", 200).findValuesAsText("status")).contains("REDACTED");
    }
}
