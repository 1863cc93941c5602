package org.saraban.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.saraban.command.store.EmbeddedMongo;

/** The claims as health reads them: each processor's own, never another's. */
class ClaimsTest {

    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create(mongo.connectionString());

    @AfterEach
    void close() {
        client.close();
        mongo.close();
    }

    @Test
    void each_processor_reads_its_own_claim_and_position_whatever_the_others_hold() {
        MongoDatabase db = client.getDatabase("claims");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        TokenStore store = MongoTokenStore.builder().mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(db).build())
                .serializer(serializer).nodeId("node-a").build();
        store.initializeTokenSegments("transfer-lists", 1, GapAwareTrackingToken.newInstance(1361, java.util.List.of()));
        store.initializeTokenSegments("letters", 1, GapAwareTrackingToken.newInstance(1352, java.util.List.of()));
        store.fetchToken("letters", 0); // node-a claims the letters

        Claims claims = new Claims(db, serializer);

        assertThat(claims.of("letters")).get().satisfies(c -> {
            assertThat(c.position()).hasValue(1352);
            assertThat(c.owner()).isEqualTo("node-a");
        });
        assertThat(claims.of("transfer-lists")).get().satisfies(c -> assertThat(c.position()).hasValue(1361));
        assertThat(claims.of("meetings")).isEmpty();
    }
}
