package org.saraban.web.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;

/**
 * A loan card end to end: a filed letter of สพร lent to an officer of another agency (ก.พ.ร.) after the head's
 * approval; the borrower reads it while it is out; the overdue alert; the return ends the borrower's access.
 */
class LoanFlowTest extends WebTestSupport {

    private static List<String> ids(JsonNode cards) {
        List<String> out = new java.util.ArrayList<>();
        cards.forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    @Test
    void a_filed_letter_is_lent_approved_handed_over_alerted_when_overdue_and_returned() throws Exception {
        try {
            clock.set(Instant.parse("2026-03-02T03:00:00Z"));
            String letter = dispatchedLetter("รายงานผลการตรวจสอบระบบสารบรรณ ประจำปี ๒๕๖๙").get("id").asText();
            postJson("dga.clerk", "/api/letters/" + letter + "/file", Map.of("fileCode", "๒.๑"), 200);
            getJson("opdc.officer", "/api/letters/" + letter, 404);
            String borrower = id("opdc.officer");

            JsonNode bad = postJson("dga.records", "/api/archive/loans", Map.of("letterIds", List.of(letter),
                    "borrowerId", "no-such-person", "dueDate", "2026-03-16"), 422);
            assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("borrowerId", "purpose");
            JsonNode late = postJson("dga.records", "/api/archive/loans", Map.of("letterIds", List.of(letter),
                    "borrowerId", borrower, "purpose", "ประกอบการประเมิน", "dueDate", "2026-09-01"), 422);
            assertThat(late.get("code").asText()).isEqualTo("DUE_DATE_INVALID");
            assertThat(getJson("dga.records", "/api/archive/loans", 200).size()).isZero();

            JsonNode card = postJson("dga.records", "/api/archive/loans", Map.of("letterIds", List.of(letter),
                    "borrowerId", borrower, "purpose", "ประกอบการประเมินผลสารบรรณอิเล็กทรอนิกส์",
                    "dueDate", "2026-03-16"), 201);
            String loan = card.get("id").asText();
            String path = "/api/archive/loans/" + loan;
            assertThat(card.get("status").asText()).isEqualTo("REQUESTED");
            assertThat(card.get("crossAgency").asBoolean()).isTrue();
            assertThat(card.get("items").get(0).get("fileCode").asText()).isEqualTo("๒.๑");
            assertThat(card.get("dueDateThai").asText()).isEqualTo("๑๖ มีนาคม ๒๕๖๙");
            getJson("opdc.officer", path, 200);
            getJson("opdc.clerk", path, 404);
            getJson("soc.records", path, 404);

            postJson("dga.records", path + "/handover", null, 409);
            postJson("dga.records", path + "/approve", null, 403);
            assertThat(postJson("dga.director", path + "/approve", null, 200).get("status").asText()).isEqualTo("APPROVED");
            JsonNode lent = postJson("dga.records", path + "/handover", null, 200);
            assertThat(lent.get("status").asText()).isEqualTo("LENT");
            assertThat(lent.get("lent").get("recipient").get("id").asText()).isEqualTo(borrower);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/letters/"
                            + letter), "opdc.officer")).getResponse().getStatus() == 200);
            assertThat(getJson("dga.clerk", "/api/letters/" + letter, 200).get("onLoan").get(0).get("loanId").asText())
                    .isEqualTo(loan);

            assertThat(postJson("dga.records", "/api/archive/loans/overdue-check", null, 200).get("alerted").asInt())
                    .isZero();
            clock.set(Instant.parse("2026-03-17T02:00:00Z"));
            postJson("opdc.officer", "/api/archive/loans/overdue-check", null, 403);
            assertThat(postJson("dga.records", "/api/archive/loans/overdue-check", null, 200).get("alerted").asInt())
                    .isEqualTo(1);
            assertThat(postJson("dga.records", "/api/archive/loans/overdue-check", null, 200).get("alerted").asInt())
                    .isZero();
            assertThat(ids(getJson("dga.records", "/api/archive/loans?overdue=true", 200)))
                    .containsExactly(loan);
            assertThat(ids(getJson("opdc.officer", "/api/archive/loans?overdue=true", 200)))
                    .containsExactly(loan);

            JsonNode back = postJson("dga.records", path + "/return", null, 200);
            assertThat(back.get("status").asText()).isEqualTo("RETURNED");
            assertThat(back.get("returned").get("late").asBoolean()).isTrue();
            assertThat(back.get("overdue").asBoolean()).isFalse();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/letters/"
                            + letter), "opdc.officer")).getResponse().getStatus() == 404);
            postJson("dga.records", path + "/return", null, 409);
        } finally {
            clock.reset();
        }
    }
}
