package org.saraban.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * DESIGN.md §7 over a real port with a Java STOMP client: a signed-in user subscribed to
 * {@code /user/queue/letters} is told about the letters they may see, and about nothing else; the
 * handshake needs a login, and no other destination may be subscribed to or sent to. Its own Spring
 * context (a real server), with the same store settings as the MockMvc tests.
 */
class LiveInboxPushTest extends LiveTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_clerk_is_told_of_a_letter_delivered_to_the_agency_and_a_clerk_of_another_agency_is_not() throws Exception {
        String source = signedLetter("ขอเชิญประชุมหารือ " + UUID.randomUUID());
        Client soc = connect(sessionCookie("soc.clerk"));
        Client opdc = connect(sessionCookie("opdc.clerk"));
        soc.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        opdc.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        awaitSubscribed("soc.clerk");
        awaitSubscribed("opdc.clerk");

        JsonNode dispatched = postJson("dga.clerk", "/api/letters/" + source + "/dispatch", null, 200);
        String copy = dispatched.get("deliveries").get(0).get("copyId").asText();

        JsonNode delivered = soc.await(n -> copy.equals(n.path("letterId").asText())
                && "LetterDelivered".equals(n.path("type").asText()));
        assertThat(delivered.get("direction").asText()).isEqualTo("INCOMING");
        assertThat(delivered.get("seq").asLong()).isPositive();
        assertThat(delivered.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(delivered.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("seq", "type", "letterId", "direction", "at");
        // the notice comes once the view reflects the event: the copy is there to fetch
        assertThat(getJson("soc.clerk", "/api/letters/" + copy, 200).get("status").asText()).isNotEmpty();

        // a later event that each clerk may see marks how far the pushes have gone (one processor, in order)
        String opdcMarker = draft("opdc.officer");
        JsonNode opdcSaw = opdc.await(n -> opdcMarker.equals(n.path("letterId").asText()));
        assertThat(opdcSaw.get("type").asText()).isEqualTo("DraftLetterCreated");
        assertThat(opdcSaw.get("direction").asText()).isEqualTo("OUTGOING");
        assertThat(opdcSaw.get("seq").asLong()).isGreaterThan(delivered.get("seq").asLong());
        String socMarker = draft("soc.officer");
        soc.await(n -> socMarker.equals(n.path("letterId").asText()));

        assertThat(opdc.received()).as("นร ๑๒ hears nothing of สพร's letter or นร ๐๕'s copy")
                .noneMatch(n -> Set.of(source, copy, socMarker).contains(n.path("letterId").asText()));
        assertThat(soc.received()).as("นร ๐๕ hears nothing of สพร's own letter or นร ๑๒'s draft")
                .noneMatch(n -> Set.of(source, opdcMarker).contains(n.path("letterId").asText()));
        List<Long> seqs = soc.received().stream().map(n -> n.get("seq").asLong()).toList();
        assertThat(seqs).as("seq increases on a connection").isSorted();
    }

    @Test
    void a_person_without_sight_of_the_letter_is_not_told_even_in_the_same_agency() throws Exception {
        // dga.officer drafts; soc.officer sees only letters of its unit, not a letter to the secretary-general
        Client officer = connect(basic("soc.officer"));
        officer.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        Client clerk = connect(basic("soc.clerk"));
        clerk.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        awaitSubscribed("soc.officer");
        awaitSubscribed("soc.clerk");

        JsonNode dispatched = dispatchedLetter("เรื่องถึงเลขาธิการ " + UUID.randomUUID());
        String copy = dispatched.get("deliveries").get(0).get("copyId").asText();
        clerk.await(n -> copy.equals(n.path("letterId").asText()));
        String marker = draft("soc.officer");
        officer.await(n -> marker.equals(n.path("letterId").asText()));

        assertThat(officer.received()).noneMatch(n -> copy.equals(n.path("letterId").asText()));
    }

    @Test
    void a_notice_whose_view_is_late_is_sent_once_the_view_catches_up_and_its_list_shows_the_letter() throws Exception {
        Client clerk = connect(sessionCookie("soc.clerk"));
        clerk.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        awaitSubscribed("soc.clerk");
        TrackingEventProcessor letters = processing.eventProcessor("letters", TrackingEventProcessor.class)
                .orElseThrow();
        letters.shutDown();
        String id;
        try {
            long started = System.nanoTime();
            id = postJson("soc.officer", "/api/letters", Map.of("kind", "STATEMENT",
                    "subject", "แถลงการณ์ระหว่างการฉายข้อมูลล่าช้า " + UUID.randomUUID(),
                    "body", List.of("สำนักงานขอแถลงว่า")), 202).get("id").asText();
            // past the live processor's own wait: the notice can only come from the late path now
            long waited = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(0, LiveLetterPush.PROJECTION_WAIT.toMillis() + 1_000 - waited));
            String letter = id;
            assertThat(clerk.received()).noneMatch(n -> letter.equals(n.path("letterId").asText()));
        } finally {
            letters.start();
        }
        String letter = id;

        JsonNode notice = clerk.await(n -> letter.equals(n.path("letterId").asText()));

        assertThat(notice.get("type").asText()).isEqualTo("DraftLetterCreated");
        JsonNode outbox = getJson("soc.clerk", "/api/outbox?size=100", 200);
        List<String> listed = new java.util.ArrayList<>();
        outbox.get("items").forEach(item -> listed.add(item.get("id").asText()));
        assertThat(listed).as("the outbox fetched on the notice has the letter")
                .contains(letter);
    }

    @Test
    void the_handshake_needs_a_login() {
        assertThatThrownBy(() -> connect(new WebSocketHttpHeaders()))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("401");
        WebSocketHttpHeaders wrongPassword = new WebSocketHttpHeaders();
        wrongPassword.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("soc.clerk:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> connect(wrongPassword))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("401");
    }

    @Test
    void a_handshake_from_another_origin_is_refused() throws Exception {
        WebSocketHttpHeaders headers = sessionCookie("soc.clerk");
        headers.setOrigin("https://elsewhere.example");
        assertThatThrownBy(() -> connect(headers))
                .isInstanceOf(ExecutionException.class).hasStackTraceContaining("403");
    }

    @Test
    void subscribing_to_any_other_destination_is_refused_and_ends_the_connection() throws Exception {
        for (String destination : List.of("/topic/anything", "/queue/letters", "/user/soc.clerk/queue/letters",
                "/user/queue/anything")) {
            Client client = connect(sessionCookie("soc.clerk"));
            client.subscribe(destination);

            client.awaitRefusal("subscription refused: " + destination);
        }
    }

    @Test
    void a_client_cannot_send_into_the_broker() throws Exception {
        Client opdc = connect(sessionCookie("opdc.clerk"));
        opdc.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION);
        awaitSubscribed("opdc.clerk");
        Client forger = connect(basic("soc.clerk"));

        forger.session.send("/user/opdc.clerk/queue/letters", "{\"letterId\":\"forged\"}".getBytes(StandardCharsets.UTF_8));

        forger.awaitRefusal("sending refused: /user/opdc.clerk/queue/letters");
        String marker = draft("opdc.officer");
        opdc.await(n -> marker.equals(n.path("letterId").asText()));
        assertThat(opdc.received()).noneMatch(n -> "forged".equals(n.path("letterId").asText()));
    }

    // ------------------------------------------------------------------ helpers

    /** A draft statement by {@code officer}: an event its agency's clerk may see. */
    private String draft(String officer) throws Exception {
        return postJson(officer, "/api/letters", Map.of("kind", "STATEMENT",
                "subject", "แถลงการณ์ " + UUID.randomUUID(), "body", List.of("สำนักงานขอแถลงว่า")), 201).get("id").asText();
    }

    private void awaitSubscribed(String username) {
        awaitSubscribed(username, WebSocketConfig.LETTERS_SUBSCRIPTION);
    }
}
