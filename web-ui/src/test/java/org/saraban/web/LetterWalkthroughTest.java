package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** One letter from draft at สพร to filed at นร ๐๕, as the README walk-through does it. */
class LetterWalkthroughTest extends WebTestSupport {

    @Test
    void a_letter_goes_from_draft_at_one_agency_to_filed_at_another_with_registers_and_history() throws Exception {
        JsonNode draft = postJson("dga.officer", "/api/letters", externalLetter("ขอเชิญประชุมหารือแนวทางสารบรรณ"), 201);
        String id = draft.get("id").asText();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").isNull()).as("no number at draft").isTrue();

        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", Map.of("comment", "เห็นชอบ"), 200);
        JsonNode signed = postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        assertThat(signed.get("signatures").get(0).get("method").asText()).isEqualTo("TYPED_NAME");
        assertThat(signed.get("signatures").get(0).get("assurance").asText()).isEqualTo("PASSWORD");

        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        assertThat(dispatched.get("status").asText()).isEqualTo("DISPATCHED");
        String number = dispatched.get("number").asText();
        assertThat(number).matches("สพร ๐๒/[๐-๙]+");
        assertThat(dispatched.get("dateThai").asText()).matches("[๐-๙]+ \\S+ [๐-๙]{4}");

        String copy = copyAtSoc(dispatched);
        JsonNode inbox = getJson("soc.clerk", "/api/inbox?status=DELIVERED", 200);
        assertThat(inbox.get("items").findValuesAsText("id")).contains(copy);
        JsonNode sender = getJson("dga.clerk", "/api/letters/" + id, 200);
        assertThat(sender.get("unacknowledged").asBoolean()).as("not yet received: visible as such").isTrue();

        JsonNode received = postJson("soc.clerk", "/api/letters/" + copy + "/receive", null, 200);
        assertThat(received.get("receivingNumber").asText()).matches("[๐-๙]+");
        assertThat(received.get("receivedAtThai").asText()).contains("น.");
        assertThat(received.get("number").asText()).isEqualTo(number);

        JsonNode routed = postJson("soc.clerk", "/api/letters/" + copy + "/routes",
                Map.of("toUnit", "๐๓", "instruction", "เสนอกองนิติธรรมพิจารณา", "dueDate", "2099-01-31"), 201);
        String routeId = routed.get("routeId").asText();
        postJson("soc.officer", "/api/letters/" + copy + "/routes/" + routeId + "/acknowledge", null, 200);
        postJson("soc.officer", "/api/letters/" + copy + "/routes/" + routeId + "/complete",
                Map.of("note", "ดำเนินการแล้ว"), 200);
        JsonNode filed = postJson("soc.clerk", "/api/letters/" + copy + "/file",
                Map.of("fileCode", "นร๐๕-๑๒/๒๕๖๙", "retentionYears", 10), 200);
        assertThat(filed.get("status").asText()).isEqualTo("FILED");
        assertThat(filed.get("filing").get("stamp").asText()).startsWith("เก็บถึง พ.ศ. ");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                getJson("dga.clerk", "/api/letters/" + id, 200).get("unacknowledged").asBoolean() == false);
        JsonNode delivery = getJson("dga.clerk", "/api/letters/" + id, 200).get("deliveries").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(delivery.get("receivingNumber").asText()).isEqualTo(received.get("receivingNumber").asText());

        int year = dispatched.get("yearBE").asInt();
        List<String> sentNumbers = getJson("dga.clerk", "/api/registers/สพร/sent/" + year, 200).get("rows")
                .findValuesAsText("number");
        assertThat(sentNumbers).contains(number);
        JsonNode receivedRows = getJson("soc.clerk", "/api/registers/นร ๐๕/received/" + year, 200).get("rows");
        JsonNode row = null;
        for (JsonNode r : receivedRows) {
            if (copy.equals(r.get("letterId").asText())) {
                row = r;
            }
        }
        assertThat(row).as("the received register has the letter").isNotNull();
        assertThat(row.get("number").asText()).isEqualTo(number);
        assertThat(row.get("from").asText()).isEqualTo("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)");
        assertThat(row.get("subject").asText()).isEqualTo("ขอเชิญประชุมหารือแนวทางสารบรรณ");
        assertThat(row.get("action").asText()).contains("กองนิติธรรม");

        MvcResult csv = call(as(get("/api/registers/สพร/sent/" + year + "?format=csv"), "dga.clerk"));
        assertStatus(csv, 200);
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFวันที่ลงทะเบียน,เลขทะเบียน,ที่,ลงวันที่,จาก,ถึง,เรื่อง,การปฏิบัติ,หมายเหตุ");
        assertThat(text).contains(number);

        List<String> history = new ArrayList<>();
        getJson("soc.clerk", "/api/letters/" + copy + "/history", 200).get("events")
                .forEach(e -> history.add(e.get("type").asText()));
        assertThat(history).containsExactly("LetterDelivered", "LetterReceived", "LetterRouted", "RouteAcknowledged",
                "RouteCompleted", "LetterFiled");
        JsonNode first = getJson("dga.clerk", "/api/letters/" + id + "/history", 200).get("events").get(0);
        assertThat(first.get("by").get("displayName").asText()).isEqualTo("นายธนกร ศรีวิไล");
        assertThat(first.get("by").get("position").asText()).isEqualTo("นักพัฒนาระบบ");
        assertThat(first.get("at").asText()).endsWith("+07:00");
        assertThat(first.get("atThai").asText()).matches("[๐-๙]+ \\S+ [๐-๙]{4} เวลา [๐-๙]{2}\\.[๐-๙]{2} น\\.");
    }
}
