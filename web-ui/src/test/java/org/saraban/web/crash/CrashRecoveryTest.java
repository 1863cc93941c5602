package org.saraban.web.crash;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.support.Replay;
import org.saraban.web.config.AxonConfig;
import org.saraban.web.directory.DemoDirectory;

/**
 * The acceptance crash test: the server is killed with SIGKILL while clerks are dispatching letters,
 * then restarted on the same files. Every dispatch that got a 2xx is in the event store and in every
 * read model, the register stays gapless, and the read models equal a rebuild from the event store.
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LETTERS = 60;

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_dispatch_survives_a_kill_9_and_read_models_equal_a_rebuild() throws Exception {
        try (AppProcess app = new AppProcess(dir.resolve("data"), dir.resolve("server.log"))) {
            app.start();
            List<String> letters = new ArrayList<>();
            for (int i = 0; i < LETTERS; i++) {
                letters.add(signedLetter(app, "หนังสือทดสอบการกู้คืนหลังระบบล่ม ฉบับที่ " + i));
            }

            // clerks dispatch from several threads; the server is killed in the middle of it
            Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            for (String id : letters) {
                pool.submit(() -> {
                    try {
                        HttpResponse<String> r = app.post("dga.clerk", "/api/letters/" + id + "/dispatch", null);
                        if (r.statusCode() / 100 == 2) {
                            acknowledged.put(id, JSON.readTree(r.body()));
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception killed) {
                        failures.incrementAndGet();
                    }
                    return null;
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.size() >= LETTERS / 3);
            app.kill();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(acknowledged.size()).as("some dispatches were cut off by the kill").isLessThan(LETTERS);

            app.start();
            awaitProcessorsCaughtUp(app);

            // 1. every acknowledged dispatch is in the read model with the number it was given
            for (Map.Entry<String, JsonNode> ack : acknowledged.entrySet()) {
                JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + ack.getKey()).body());
                assertThat(view.get("status").asText()).isEqualTo("DISPATCHED");
                assertThat(view.get("number").asText()).isEqualTo(ack.getValue().get("number").asText());
            }
            int year = acknowledged.values().iterator().next().get("yearBE").asInt();
            JsonNode rows = JSON.readTree(app.get("dga.clerk", "/api/registers/"
                    + URLEncoder.encode("สพร", StandardCharsets.UTF_8) + "/sent/" + year).body()).get("rows");
            List<Long> numbers = new ArrayList<>();
            Map<String, String> registered = new HashMap<>();
            rows.forEach(r -> {
                numbers.add(r.get("registerNumber").asLong());
                registered.put(r.get("letterId").asText(), r.get("number").asText());
            });
            // 2. the register is gapless and unique, and holds every acknowledged number
            List<Long> expected = new ArrayList<>();
            for (long n = 1; n <= numbers.size(); n++) {
                expected.add(n);
            }
            assertThat(numbers).containsExactlyElementsOf(expected);
            acknowledged.forEach((id, view) -> assertThat(registered.get(id)).isEqualTo(view.get("number").asText()));

            try (MongoClient client = MongoClients.create(app.mongoUri())) {
                MongoDatabase live = client.getDatabase("saraban");
                // 3. the events are in the store
                for (String id : acknowledged.keySet()) {
                    assertThat(live.getCollection("events").find(eq("aggregateIdentifier", id))
                            .map(d -> d.getString("payloadType")).into(new ArrayList<>()))
                            .contains("org.saraban.api.letter.LetterDispatchedEvent");
                }
                // 3b. the hash chain runs unbroken through every stored event, across the kill
                org.saraban.command.store.EventChainVerifier.Report chain =
                        new org.saraban.command.store.EventChainVerifier(live).verify();
                assertThat(chain.intact()).as(String.valueOf(chain)).isTrue();
                assertThat(chain.unchained()).isZero();
                assertThat(chain.checked()).isEqualTo(live.getCollection("events").countDocuments());
                // 4. the read models equal a rebuild from the event store
                MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(live)
                        .eventSerializer(AxonConfig.newEventSerializer())
                        .snapshotSerializer(AxonConfig.snapshotSerializer()).build();
                MongoDatabase rebuilt = client.getDatabase("rebuild");
                long replayed = Replay.into(new LetterProjection(new LetterStore(rebuilt)), engine.readEvents(null, false));
                assertThat(replayed).isEqualTo(engine.countEvents());
                for (String collection : List.of(LetterStore.LETTERS, LetterStore.REGISTER_ROWS)) {
                    assertThat(differences(all(live, collection), all(rebuilt, collection)))
                            .as(collection + " equals its rebuild").isEmpty();
                }
            }

            // 5. an orderly restart keeps every letter, number and register row
            String registerBefore = app.get("dga.clerk", "/api/registers/"
                    + URLEncoder.encode("สพร", StandardCharsets.UTF_8) + "/sent/" + year).body();
            String outboxBefore = app.get("dga.clerk", "/api/outbox?size=200").body();
            app.stop();
            app.start();
            assertThat(app.get("dga.clerk", "/api/registers/" + URLEncoder.encode("สพร", StandardCharsets.UTF_8)
                    + "/sent/" + year).body()).isEqualTo(registerBefore);
            assertThat(app.get("dga.clerk", "/api/outbox?size=200").body()).isEqualTo(outboxBefore);
        }
    }

    /** Per document id, the fields whose values differ between the live read model and its rebuild. */
    private static Map<Object, String> differences(List<Document> live, List<Document> rebuilt) {
        Map<Object, Document> byId = new HashMap<>();
        rebuilt.forEach(d -> byId.put(d.get("_id"), d));
        Map<Object, String> diff = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Document l : live) {
            Document r = byId.remove(l.get("_id"));
            if (r == null) {
                diff.put(l.get("_id"), "missing from the rebuild");
                continue;
            }
            Set<String> keys = new java.util.TreeSet<>(l.keySet());
            keys.addAll(r.keySet());
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                if (!java.util.Objects.equals(l.get(k), r.get(k))) {
                    b.append(k).append(": live=").append(l.get(k)).append(" rebuilt=").append(r.get(k)).append("; ");
                }
            }
            if (!b.isEmpty()) {
                diff.put(l.get("_id"), b.toString());
            }
        }
        byId.keySet().forEach(id -> diff.put(id, "missing from the live read model"));
        return diff;
    }

    private static List<Document> all(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static void awaitProcessorsCaughtUp(AppProcess app) {
        Set<String> seen = new HashSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode health = JSON.readTree(app.get("dga.clerk", "/actuator/health").body());
            JsonNode processors = health.at("/components/eventProcessors/details/processors");
            long head = health.at("/components/eventProcessors/details/headPosition").asLong();
            boolean caughtUp = processors.size() > 0;
            for (JsonNode p : processors) {
                caughtUp &= p.get("lag").asLong() == 0 && p.get("running").asBoolean();
            }
            // the delivery policy appends events of its own: caught up twice at the same head means settled
            return caughtUp && !seen.add(Long.toString(head)) ;
        });
    }

    private static String signedLetter(AppProcess app, String subject) throws Exception {
        String director = DemoDirectory.personId("dga.director");
        String letter = JSON.writeValueAsString(Map.of(
                "kind", "EXTERNAL", "subject", subject, "salutation", "เรียน",
                "to", List.of(Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี")),
                "body", List.of("ข้อความทดสอบ"), "closing", "ขอแสดงความนับถือ", "signatory", director,
                "ownerUnit", Map.of("name", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ")));
        HttpResponse<String> created = app.post("dga.officer", "/api/letters", letter);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(app.post("dga.officer", "/api/letters/" + id + "/submit",
                "{\"approverId\":\"" + director + "\"}").statusCode()).isEqualTo(200);
        assertThat(app.post("dga.director", "/api/letters/" + id + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(app.post("dga.director", "/api/letters/" + id + "/sign", null).statusCode()).isEqualTo(200);
        return id;
    }
}
