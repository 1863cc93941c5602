package org.saraban.web.integrity;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.command.store.EmbeddedMongo;
import org.saraban.command.store.EventChain;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.signing.pki.InMemoryPkiStorage;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.PkiSettings;

/**
 * Signed checkpoints of the hash chain against a forger who rewrites the log and every hash after the change:
 * the chain alone then holds, the checkpoint does not.
 */
class IntegrityCheckpointsTest {

    private static final PersonRef CLERK = new PersonRef("p-clerk", "นางสาวสารบรรณ", "เจ้าพนักงานธุรการ", "สพร", "๐๑");

    private static EmbeddedMongo embedded;
    private static MongoClient client;

    private MongoDatabase db;
    private MongoEventStorageEngine engine;
    private IntegrityCheckpoints checkpoints;

    @BeforeAll
    static void start() {
        embedded = EmbeddedMongo.inMemory();
        client = MongoClients.create(embedded.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        embedded.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        db = client.getDatabase("integrity_" + UUID.randomUUID().toString().replace("-", ""));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JsonMapper.builder()
                .addModule(new JavaTimeModule()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build()).build();
        engine = MongoEventStorageEngine.builder().client(client).database(db).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        PkiSettings settings = PkiSettings.of("สำนักงานทดสอบ", "test-password".toCharArray(),
                URI.create("http://localhost:8080/pki/"));
        InMemoryPkiStorage storage = new InMemoryPkiStorage();
        InternalPki pki = InternalPki.open(storage, settings, Clock.systemUTC());
        checkpoints = new IntegrityCheckpoints(db, new PersonalSigners(storage, pki, settings),
                pki.timestampAuthority(), Clock.systemUTC());
        for (long n = 1; n <= 6; n++) {
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("RegisterBook", "book-1", n - 1,
                    new NumberIssuedEvent("book-1", "สพร", RegisterBookType.SENT, 2569, n, "letter-" + n, CLERK,
                            Instant.parse("2026-11-22T03:00:00Z")))));
        }
    }

    private MongoCollection<Document> events() {
        return db.getCollection("events");
    }

    @Test
    void a_checkpoint_signs_the_head_and_an_untouched_log_verifies() {
        Document c = checkpoints.checkpoint().orElseThrow();
        assertThat(c.get("_id", Number.class).longValue()).isEqualTo(6);
        assertThat(c.getString("hash")).isEqualTo(events().find(eq("_id", 6L)).first().getString("hash"));
        assertThat(IntegrityCheckpoints.problemOf(c)).isNull();
        assertThat(checkpoints.checkpoint().orElseThrow().get("_id")).as("nothing new: the same one").isEqualTo(6L);

        IntegrityCheckpoints.Verification v = checkpoints.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.chain().checked()).isEqualTo(6);
        assertThat(v.checkpoints()).isEqualTo(1);
    }

    @Test
    void a_log_rewritten_with_every_hash_recomputed_passes_the_chain_but_not_the_checkpoint() {
        checkpoints.checkpoint();
        // the forger changes event 3 and rewrites the chain from there on, counter included
        List<Document> all = events().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        String previous = all.get(1).getString("hash");
        for (Document d : all.subList(2, all.size())) {
            if (d.getLong("_id") == 3L) {
                d.put("payload", d.getString("payload").replace("letter-3", "letter-33"));
            }
            d.put("prevHash", previous);
            d.put("hash", EventChain.hash(d));
            previous = d.getString("hash");
            events().replaceOne(eq("_id", d.get("_id")), d);
        }
        db.getCollection("event_counters").updateOne(eq("_id", "globalIndex"), Updates.set("head", previous));

        IntegrityCheckpoints.Verification v = checkpoints.verify();
        assertThat(v.chain().intact()).as("the chain alone is consistent again").isTrue();
        assertThat(v.intact()).isFalse();
        assertThat(v.checkpointProblems()).singleElement().asString().startsWith("checkpoint 6:")
                .contains("rewritten");
    }

    @Test
    void a_forged_checkpoint_is_named() {
        Document c = checkpoints.checkpoint().orElseThrow();
        db.getCollection(IntegrityCheckpoints.COLLECTION).updateOne(eq("_id", c.get("_id")),
                Updates.set("statement", c.getString("statement").replace("position=6", "position=5")));
        assertThat(checkpoints.verify().checkpointProblems()).singleElement().asString()
                .contains("does not say its position");
        // the seal's real signature, but of a later checkpoint
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("RegisterBook", "book-1", 6,
                new NumberIssuedEvent("book-1", "สพร", RegisterBookType.SENT, 2569, 7, "letter-7", CLERK,
                        Instant.parse("2026-11-22T03:00:00Z")))));
        Document later = checkpoints.checkpoint().orElseThrow();
        db.getCollection(IntegrityCheckpoints.COLLECTION).updateOne(eq("_id", c.get("_id")),
                Updates.combine(Updates.set("statement", c.getString("statement")),
                        Updates.set("signature", later.getString("signature"))));
        assertThat(checkpoints.verify().checkpointProblems()).singleElement().asString()
                .startsWith("checkpoint 6:").contains("signature does not verify");
    }
}
