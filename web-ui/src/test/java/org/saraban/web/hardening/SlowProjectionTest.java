package org.saraban.web.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A slow projection does not block commands (issue 7, item 3): with the letters' projection stopped, drafting and
 * editing letters are still stored and answered, within the read-your-writes timeout, with 202 and a receipt
 * instead of a stale or missing view; the view follows once the projection runs again.
 */
class SlowProjectionTest extends WebTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void commands_are_stored_and_answered_202_while_the_letters_projection_is_stopped() throws Exception {
        TrackingEventProcessor letters = processing.eventProcessor("letters", TrackingEventProcessor.class).orElseThrow();
        letters.shutDown();
        String id;
        long head = engine.headPosition();
        try {
            long started = System.nanoTime();
            JsonNode receipt = postJson("dga.officer", "/api/letters", externalLetter("หนังสือระหว่างการฉายข้อมูลล่าช้า"), 202);
            long millis = (System.nanoTime() - started) / 1_000_000;
            id = receipt.get("id").asText();
            assertThat(receipt.get("settled").asBoolean(true)).isFalse();
            assertThat(receipt.get("seq").asLong()).isGreaterThan(head);
            assertThat(engine.headPosition()).isGreaterThan(head);
            assertThat(millis).as("answered within the read-your-writes timeout, not held by the projection")
                    .isLessThan(15_000);
        } finally {
            letters.start();
        }
        String letter = id;
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/letters/" + letter),
                        "dga.officer")).getResponse().getStatus() == 200);
        JsonNode view = getJson("dga.officer", "/api/letters/" + letter, 200);
        assertThat(view.get("subject").asText()).isEqualTo("หนังสือระหว่างการฉายข้อมูลล่าช้า");
        assertThat(view.get("status").asText()).isEqualTo("DRAFT");
        // and with the projection running, a command answers with the view as before
        assertThat(postJson("dga.officer", "/api/letters/" + letter + "/submit",
                Map.of("approverId", id("dga.director")), 200).get("status").asText()).isEqualTo("PENDING_APPROVAL");
    }
}
