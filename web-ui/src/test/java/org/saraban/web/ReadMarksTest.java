package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbox's unread marker: {@code read} is per person. Opening a letter ({@code GET /api/letters/{id}})
 * marks it read for the caller only; {@code GET /api/inbox?unread=true} lists what the caller has not
 * opened. สพร sends a letter to unit ๐๓ of นร ๐๕ (soc.officer's unit), so soc.officer and soc.clerk both
 * see the same copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadMarksTest extends AcceptanceTestSupport {

    private static final Map<String, Object> TO_SOC_LEGAL_DIVISION =
            Map.of("agencyCode", "นร ๐๕", "unitCode", "๐๓", "position", "ผู้อำนวยการกองนิติธรรม");

    private final String tag = UUID.randomUUID().toString();
    private final String subject = "แจ้งผลการพิจารณาข้อหารือ " + tag;
    private String copy;

    @BeforeAll
    void aLetterToSocOfficersUnit() throws Exception {
        String id = postJson("dga.officer", "/api/letters",
                externalLetterWith(subject, Map.of("to", List.of(TO_SOC_LEGAL_DIVISION))), 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        copy = dispatched.get("deliveries").get(0).get("copyId").asText();
        // wait through the inbox, which marks nothing (a GET of the letter would mark it read)
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inboxItem("soc.officer", "") != null);
    }

    /** The copy's entry in the user's inbox (searched by the unique part of its subject), or null. */
    private JsonNode inboxItem(String username, String extraQuery) throws Exception {
        JsonNode page = getJson(username, "/api/inbox?q=" + tag + extraQuery, 200);
        for (JsonNode item : page.get("items")) {
            if (copy.equals(item.get("id").asText())) {
                return item;
            }
        }
        return null;
    }

    private List<String> unreadIds(String username) throws Exception {
        List<String> ids = new ArrayList<>();
        getJson(username, "/api/inbox?unread=true&size=200", 200).get("items").forEach(i -> {
            assertThat(i.get("read").asBoolean()).as("an item listed as unread").isFalse();
            ids.add(i.get("id").asText());
        });
        return ids;
    }

    @Test
    void opening_a_letter_marks_it_read_for_the_person_who_opened_it_only() throws Exception {
        assertThat(inboxItem("soc.officer", "").get("read").asBoolean()).isFalse();
        assertThat(inboxItem("soc.clerk", "").get("read").asBoolean()).isFalse();
        assertThat(unreadIds("soc.officer")).contains(copy);
        assertThat(unreadIds("soc.clerk")).contains(copy);

        JsonNode opened = getJson("soc.officer", "/api/letters/" + copy, 200);

        assertThat(opened.get("read").asBoolean()).as("the view the officer just opened").isTrue();
        assertThat(inboxItem("soc.officer", "").get("read").asBoolean()).isTrue();
        assertThat(inboxItem("soc.officer", "&unread=true")).as("no longer in the officer's unread list").isNull();
        assertThat(inboxItem("soc.officer", "&unread=false")).isNotNull();
        assertThat(unreadIds("soc.officer")).doesNotContain(copy);
        // soc.clerk has not opened it: still unread for the clerk, in the inbox and in the list of unread
        assertThat(inboxItem("soc.clerk", "").get("read").asBoolean()).isFalse();
        assertThat(inboxItem("soc.clerk", "&unread=true")).isNotNull();
        assertThat(unreadIds("soc.clerk")).contains(copy);
        // a command's answer carries the caller's mark without making one
        JsonNode received = postJson("soc.clerk", "/api/letters/" + copy + "/receive", null, 200);
        assertThat(received.get("read").asBoolean()).isFalse();
        assertThat(getJson("soc.clerk", "/api/letters/" + copy, 200).get("read").asBoolean()).isTrue();
        assertThat(inboxItem("soc.clerk", "").get("read").asBoolean()).isTrue();
    }

    @Test
    void a_letter_the_caller_may_not_see_is_not_found_and_not_marked() throws Exception {
        problem(call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/letters/" + copy), "opdc.clerk")), 404, "LETTER_NOT_FOUND");
        assertThat(getJson("opdc.clerk", "/api/inbox?unread=true", 200).get("items").findValuesAsText("id"))
                .doesNotContain(copy);
    }
}
