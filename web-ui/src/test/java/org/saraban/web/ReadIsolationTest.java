package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * API.md "Errors": 404 for a letter unknown or not visible to the caller, never revealing that a letter
 * of another agency exists. สพร sends a letter (with an enclosure) to นร ๐๕, which also registers a paper
 * letter; นร ๑๒'s clerk is party to none of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadIsolationTest extends AcceptanceTestSupport {

    private static final String STRANGER = "opdc.clerk";
    /** Every read endpoint that takes a letter id. */
    private static final List<String> READ_ENDPOINTS = List.of("", "/history", "/pdf", "/enclosures/0");

    private final String subject = "หารือความร่วมมือด้านข้อมูล " + UUID.randomUUID();
    private final String paperSubject = "หนังสือกระดาษ " + UUID.randomUUID();
    private String outgoingId;
    private String copyId;
    private String paperId;
    private int yearBE;

    @BeforeAll
    void aLetterFromSprToNr05WithAnEnclosureAndAPaperLetterAtNr05() throws Exception {
        String sha = upload("dga.officer", "แผนงาน.txt", "text/plain",
                "แผนงานความร่วมมือ".getBytes(StandardCharsets.UTF_8));
        String id = postJson("dga.officer", "/api/letters", externalLetterWith(subject,
                Map.of("enclosures", List.of(Map.of("title", "แผนงาน", "sha256", sha)))), 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        outgoingId = id;
        yearBE = dispatched.get("yearBE").asInt();
        copyId = copyAtSoc(dispatched);
        awaitDeliveries("dga.clerk", outgoingId, "DELIVERED");

        MvcResult imported = call(importRequest("soc.clerk", MINIMAL_PDF, "application/pdf",
                paperLetterMetadata(paperSubject)));
        assertStatus(imported, 201);
        paperId = body(imported).get("id").asText();
    }

    private String letter(String which) {
        return switch (which) {
            case "outgoing letter at สพร" -> outgoingId;
            case "received copy at นร ๐๕" -> copyId;
            case "paper letter registered at นร ๐๕" -> paperId;
            default -> throw new IllegalArgumentException(which);
        };
    }

    private String subjectOf(String which) {
        return which.startsWith("paper") ? paperSubject : subject;
    }

    Stream<Arguments> foreignReads() {
        return Stream.of("outgoing letter at สพร", "received copy at นร ๐๕", "paper letter registered at นร ๐๕")
                .flatMap(letter -> READ_ENDPOINTS.stream().map(endpoint -> Arguments.of(letter, endpoint)));
    }

    @ParameterizedTest(name = "a clerk of another agency gets 404 LETTER_NOT_FOUND for GET {1} of the {0}")
    @MethodSource("foreignReads")
    void a_clerk_of_another_agency_gets_404_for_every_read_endpoint_of_a_letter_it_neither_sent_nor_received(
            String which, String endpoint) throws Exception {
        MvcResult r = call(as(get("/api/letters/" + letter(which) + endpoint), STRANGER));
        JsonNode problem = problem(r, 404, "LETTER_NOT_FOUND");
        String raw = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(subjectOf(which));
        assertThat(raw).doesNotContain("สำนักงานพัฒนารัฐบาลดิจิทัล").doesNotContain("นร ๐๕");
        assertThat(problem.path("errors")).isEmpty();
    }

    @Test
    void the_agencies_that_hold_the_letters_can_read_them_through_the_same_endpoints() throws Exception {
        // the 404s above are about who asks, not about endpoints that never answer
        for (String[] holder : new String[][] {{"dga.clerk", outgoingId}, {"soc.clerk", copyId}}) {
            assertThat(getJson(holder[0], "/api/letters/" + holder[1], 200).get("subject").asText()).isEqualTo(subject);
            assertThat(getJson(holder[0], "/api/letters/" + holder[1] + "/history", 200).get("events")).isNotEmpty();
            MvcResult enclosure = call(as(get("/api/letters/" + holder[1] + "/enclosures/0"), holder[0]));
            assertStatus(enclosure, 200);
            assertThat(enclosure.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("แผนงานความร่วมมือ");
            // an electronic letter is rendered in its form for either agency that holds it
            MvcResult pdf = call(as(get("/api/letters/" + holder[1] + "/pdf"), holder[0]));
            assertStatus(pdf, 200);
            assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        MvcResult scan = call(as(get("/api/letters/" + paperId + "/pdf"), "soc.clerk"));
        assertStatus(scan, 200);
        assertThat(scan.getResponse().getContentAsByteArray()).isEqualTo(MINIMAL_PDF);
    }

    @Test
    void the_inbox_and_outbox_of_a_clerk_of_another_agency_never_list_the_letters() throws Exception {
        for (String box : List.of("/api/inbox", "/api/outbox")) {
            for (String query : List.of("?size=200", "?size=200&q=" + subject, "?size=200&q=" + paperSubject,
                    "?size=200&status=DISPATCHED,DELIVERED,RECEIVED")) {
                MvcResult r = call(as(get(box + query), STRANGER));
                assertStatus(r, 200);
                String raw = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(raw).as(box + query).doesNotContain(outgoingId).doesNotContain(copyId)
                        .doesNotContain(paperId).doesNotContain(subject).doesNotContain(paperSubject);
            }
        }
        // while the holders' own boxes do list them
        assertThat(getJson("dga.clerk", "/api/outbox?size=200&q=" + subject, 200).get("items").findValuesAsText("id"))
                .contains(outgoingId);
        assertThat(getJson("soc.clerk", "/api/inbox?size=200&q=" + subject, 200).get("items").findValuesAsText("id"))
                .contains(copyId);
    }

    @Test
    void another_agency_cannot_read_the_sending_register_of_the_sender() throws Exception {
        for (String stranger : List.of("soc.clerk", "soc.records", STRANGER)) {
            MvcResult r = call(as(get("/api/registers/สพร/sent/" + yearBE), stranger));
            problem(r, 404, "REGISTER_NOT_FOUND");
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(subject);
        }
        MvcResult csv = call(as(get("/api/registers/สพร/sent/" + yearBE + "?format=csv"), "soc.clerk"));
        assertStatus(csv, 404);
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(subject);
        // the sender's clerk does see the row
        assertThat(getJson("dga.clerk", "/api/registers/สพร/sent/" + yearBE, 200).get("rows").findValuesAsText("subject"))
                .contains(subject);
    }

    @ParameterizedTest(name = "GET /api/letters/ID{0}: an unknown id and a foreign id give the same 404 body")
    @MethodSource("endpoints")
    void an_unknown_id_gives_the_same_404_body_as_a_letter_of_another_agency(String endpoint) throws Exception {
        JsonNode unknown = problem(call(as(get("/api/letters/" + UUID.randomUUID() + endpoint), STRANGER)),
                404, "LETTER_NOT_FOUND");
        JsonNode foreignOutgoing = problem(call(as(get("/api/letters/" + outgoingId + endpoint), STRANGER)),
                404, "LETTER_NOT_FOUND");
        JsonNode foreignCopy = problem(call(as(get("/api/letters/" + copyId + endpoint), STRANGER)),
                404, "LETTER_NOT_FOUND");
        assertThat(withoutInstance(foreignOutgoing)).isEqualTo(withoutInstance(unknown));
        assertThat(withoutInstance(foreignCopy)).isEqualTo(withoutInstance(unknown));
    }

    Stream<String> endpoints() {
        return READ_ENDPOINTS.stream();
    }

    /** {@code instance}, if ever set, names the request path, which differs by id by construction. */
    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
