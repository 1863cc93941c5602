package org.saraban.web.integrity;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.saraban.web.config.StorageConfig;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /api/integrity}: the chain's head and checkpoint for anyone signed in; the walk for records officers. */
class IntegrityApiTest extends WebTestSupport {

    @Autowired
    StorageConfig.Store store;

    @Test
    void the_head_a_checkpoint_and_a_walk_that_names_a_changed_event() throws Exception {
        signedLetter("ขอรายงานผลการตรวจสอบความครบถ้วนของทะเบียน");
        JsonNode integrity = getJson("dga.officer", "/api/integrity", 200);
        long position = integrity.get("head").get("position").asLong();
        MongoCollection<Document> events = store.database().getCollection("events");
        assertThat(position).isPositive();
        assertThat(integrity.get("head").get("hash").asText())
                .isEqualTo(events.find(eq("_id", position)).first().getString("hash"));

        assertThat(postJson("dga.officer", "/api/integrity/checkpoints", null, 403).get("code").asText())
                .isEqualTo("NOT_A_RECORDS_OFFICER");
        JsonNode checkpoint = postJson("dga.records", "/api/integrity/checkpoints", null, 200);
        assertThat(checkpoint.get("position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(checkpoint.get("valid").asBoolean()).isTrue();
        assertThat(checkpoint.get("atThai").asText()).contains("๒๕");
        assertThat(getJson("dga.officer", "/api/integrity", 200).get("checkpoint").get("position").asLong())
                .isGreaterThanOrEqualTo(checkpoint.get("position").asLong());

        assertThat(postJson("admin", "/api/integrity/verify", null, 200).get("intact").asBoolean()).isTrue();

        // one stored event changed behind the application's back (when it was appended, by a millisecond)
        Date appendedAt = events.find(eq("_id", position)).first().getDate("appendedAt");
        events.updateOne(eq("_id", position), Updates.set("appendedAt", new Date(appendedAt.getTime() + 1)));
        try {
            JsonNode report = postJson("dga.records", "/api/integrity/verify", null, 200);
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("chain").get("brokenAt").asLong()).isEqualTo(position);
            assertThat(report.get("chain").get("problem").asText()).startsWith("altered");
        } finally {
            events.updateOne(eq("_id", position), Updates.set("appendedAt", appendedAt));
        }
        assertThat(postJson("dga.records", "/api/integrity/verify", null, 200).get("intact").asBoolean()).isTrue();
    }
}
