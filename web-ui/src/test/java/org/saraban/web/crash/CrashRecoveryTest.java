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
 * The acceptance crash test (issue 7, item 2): the server is killed with SIGKILL, cycle after cycle, while the
 * clerks of สพร dispatch letters and the clerk of นร ๐๕ receives the copies delivered in earlier cycles; then it is
 * restarted on the same files. After each restart every dispatch and receipt that got a 2xx is in the event store
 * and the read models with the number it was given, both registers are gapless and unique, the hash chain is
 * intact, and the read models equal a rebuild from the events.
 *
 * <p>{@code -Dsaraban.crash.cycles=20} for the full run (default 2 in the suite), {@code -Dsaraban.crash.letters}
 * letters per cycle (default 30).
 */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DGA = URLEncoder.encode("สพร", StandardCharsets.UTF_8);
    private static final String SOC = URLEncoder.encode("นร ๐๕", StandardCharsets.UTF_8).replace("+", "%20");

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_dispatch_and_receipt_survives_repeated_kill_9_and_read_models_equal_a_rebuild()
            throws Exception {
        int cycles = Integer.getInteger("saraban.crash.cycles", 2);
        int perCycle = Integer.getInteger("saraban.crash.letters", 30);
        Map<String, JsonNode> dispatched = new ConcurrentHashMap<>();
        Map<String, JsonNode> received = new ConcurrentHashMap<>();
        AtomicInteger cutOff = new AtomicInteger();
        try (AppProcess app = new AppProcess(dir.resolve("data"), dir.resolve("server.log"))) {
            app.start();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                List<String> letters = new ArrayList<>();
                for (int i = 0; i < perCycle; i++) {
                    letters.add(signedLetter(app, "หนังสือทดสอบการกู้คืนหลังระบบล่ม รอบที่ " + cycle + " ฉบับที่ " + i));
                }
                // the copies delivered to นร ๐๕ by earlier cycles' dispatches, not yet received
                List<String> copies = new ArrayList<>();
                for (String letter : dispatched.keySet()) {
                    JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + letter).body());
                    view.path("deliveries").forEach(d -> {
                        String copy = d.path("copyId").asText(null);
                        if (copy != null && !received.containsKey(copy)) {
                            copies.add(copy);
                        }
                    });
                }

                // clerks dispatch and receive from several threads; the server is killed in the middle of it
                ExecutorService pool = Executors.newFixedThreadPool(6);
                AtomicInteger acknowledgedThisCycle = new AtomicInteger();
                List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
                for (String id : letters) {
                    tasks.add(() -> act(app, "dga.clerk", "/api/letters/" + id + "/dispatch", id, dispatched,
                            acknowledgedThisCycle, cutOff));
                }
                for (String copy : copies) {
                    tasks.add(() -> act(app, "soc.clerk", "/api/letters/" + copy + "/receive", copy, received,
                            acknowledgedThisCycle, cutOff));
                }
                java.util.Collections.shuffle(tasks, new java.util.Random(cycle));
                tasks.forEach(pool::submit);
                int work = letters.size() + copies.size();
                System.out.printf("crash test: cycle %d: %d dispatches and %d receipts under way%n", cycle,
                        letters.size(), copies.size());
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> acknowledgedThisCycle.get() >= work / 3);
                app.kill();
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                app.start();
                awaitProcessorsCaughtUp(app);
                verify(app, dispatched, received, "cycle " + cycle);
            }
            System.out.printf("crash test: %d kill -9 cycles; acknowledged %d dispatches and %d receipts, all found after "
                    + "restart; %d requests cut off by the kills (not acknowledged)%n", cycles, dispatched.size(),
                    received.size(), cutOff.get());

            // an orderly restart keeps every letter, number and register row
            int year = dispatched.values().iterator().next().get("yearBE").asInt();
            String registerBefore = app.get("dga.clerk", "/api/registers/" + DGA + "/sent/" + year).body();
            String outboxBefore = app.get("dga.clerk", "/api/outbox?size=200").body();
            app.stop();
            app.start();
            assertThat(app.get("dga.clerk", "/api/registers/" + DGA + "/sent/" + year).body()).isEqualTo(registerBefore);
            assertThat(app.get("dga.clerk", "/api/outbox?size=200").body()).isEqualTo(outboxBefore);
        }
    }

    /** One command; its 2xx answer is remembered, anything else (the kill included) counted as cut off. */
    private static Void act(AppProcess app, String user, String path, String id, Map<String, JsonNode> acknowledged,
                            AtomicInteger thisCycle, AtomicInteger cutOff) {
        try {
            HttpResponse<String> r = app.post(user, path, null);
            if (r.statusCode() / 100 == 2) {
                acknowledged.put(id, JSON.readTree(r.body()));
                thisCycle.incrementAndGet();
            } else {
                cutOff.incrementAndGet();
                if (r.statusCode() != 503) {
                    System.out.println("crash test: " + path + " answered " + r.statusCode() + " " + r.body());
                }
            }
        } catch (Exception killed) {
            cutOff.incrementAndGet();
        }
        return null;
    }

    private void verify(AppProcess app, Map<String, JsonNode> dispatched, Map<String, JsonNode> received, String when)
            throws Exception {
        // 1. every acknowledged dispatch and receipt is in the read model with the number it was given
        for (Map.Entry<String, JsonNode> ack : dispatched.entrySet()) {
            JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + ack.getKey()).body());
            assertThat(view.get("status").asText()).as(when).isIn("DISPATCHED");
            assertThat(view.get("number").asText()).as(when).isEqualTo(ack.getValue().get("number").asText());
        }
        // 1b. every acknowledged dispatch reached นร ๐๕: its copy is there (delivered or received)
        for (String letter : dispatched.keySet()) {
            JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + letter).body());
            assertThat(view.path("deliveries").size()).as(when + ": deliveries of " + letter).isEqualTo(1);
            String copy = view.path("deliveries").get(0).path("copyId").asText();
            HttpResponse<String> atSoc = app.get("soc.clerk", "/api/letters/" + copy);
            if (atSoc.statusCode() != 200) {
                try (MongoClient client = MongoClients.create(app.mongoUri())) {
                    MongoDatabase live = client.getDatabase("saraban");
                    List<String> copyEvents = live.getCollection("events").find(eq("aggregateIdentifier", copy))
                            .map(d -> d.get("_id") + ":" + d.getString("payloadType")).into(new ArrayList<>());
                    List<String> letterEvents = live.getCollection("events").find(eq("aggregateIdentifier", letter))
                            .map(d -> d.get("_id") + ":" + d.getString("payloadType")).into(new ArrayList<>());
                    Object copyDoc = live.getCollection("letters").find(eq("_id", copy)).first();
                    throw new AssertionError(when + ": the copy of " + letter + " is missing at นร ๐๕; copy events "
                            + copyEvents + "; letter events " + letterEvents + "; copy read model " + (copyDoc != null)
                            + "; server log: " + java.nio.file.Files.readAllLines(dir.resolve("server.log")).stream()
                            .filter(l -> l.contains("ERROR") || l.contains("WARN") || l.contains("Exception"))
                            .limit(40).toList());
                }
            }
        }
        for (Map.Entry<String, JsonNode> ack : received.entrySet()) {
            JsonNode view = JSON.readTree(app.get("soc.clerk", "/api/letters/" + ack.getKey()).body());
            assertThat(view.get("status").asText()).as(when).isEqualTo("RECEIVED");
            assertThat(view.get("receivingNumber").asText()).as(when)
                    .isEqualTo(ack.getValue().get("receivingNumber").asText());
        }
        // 2. both registers are gapless and unique, and hold every acknowledged number
        int year = dispatched.values().iterator().next().get("yearBE").asInt();
        Map<String, String> sent = gaplessRegister(app, "dga.clerk", DGA + "/sent/" + year, "number", when);
        dispatched.forEach((id, view) -> assertThat(sent.get(id)).as(when).isEqualTo(view.get("number").asText()));
        if (!received.isEmpty()) {
            Map<String, String> in = gaplessRegister(app, "soc.clerk", SOC + "/received/" + year, "receivingNumber", when);
            received.forEach((id, view) -> assertThat(in.get(id)).as(when)
                    .isEqualTo(view.get("receivingNumber").asText()));
        }

        try (MongoClient client = MongoClients.create(app.mongoUri())) {
            MongoDatabase live = client.getDatabase("saraban");
            // 3. the events are in the store
            for (String id : dispatched.keySet()) {
                assertThat(live.getCollection("events").find(eq("aggregateIdentifier", id))
                        .map(d -> d.getString("payloadType")).into(new ArrayList<>()))
                        .contains("org.saraban.api.letter.LetterDispatchedEvent");
            }
            // 3b. the hash chain runs unbroken through every stored event, across the kills
            org.saraban.command.store.EventChainVerifier.Report chain =
                    new org.saraban.command.store.EventChainVerifier(live).verify();
            assertThat(chain.intact()).as(when + ": " + chain).isTrue();
            assertThat(chain.unchained()).isZero();
            assertThat(chain.checked()).isEqualTo(live.getCollection("events").countDocuments());
            // 4. the read models equal a rebuild from the event store
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(live)
                    .eventSerializer(AxonConfig.newEventSerializer())
                    .snapshotSerializer(AxonConfig.snapshotSerializer()).build();
            MongoDatabase rebuilt = client.getDatabase("rebuild");
            rebuilt.drop();
            long replayed = Replay.into(new LetterProjection(new LetterStore(rebuilt)), engine.readEvents(null, false));
            assertThat(replayed).isEqualTo(engine.countEvents());
            for (String collection : List.of(LetterStore.LETTERS, LetterStore.REGISTER_ROWS)) {
                assertThat(differences(all(live, collection), all(rebuilt, collection)))
                        .as(when + ": " + collection + " equals its rebuild").isEmpty();
            }
            rebuilt.drop();
        }
    }

    /** The register's rows numbered 1..n without gap or repeat; letter id → the number it shows. */
    static Map<String, String> gaplessRegister(AppProcess app, String user, String path, String numberField,
                                                       String when) throws Exception {
        JsonNode rows = JSON.readTree(app.get(user, "/api/registers/" + path).body()).get("rows");
        List<Long> numbers = new ArrayList<>();
        Map<String, String> byLetter = new HashMap<>();
        rows.forEach(r -> {
            numbers.add(r.get("registerNumber").asLong());
            byLetter.put(r.get("letterId").asText(), r.path(numberField).asText());
        });
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= numbers.size(); n++) {
            expected.add(n);
        }
        assertThat(numbers).as(when + ": " + path + " is gapless").containsExactlyElementsOf(expected);
        return byLetter;
    }

    /** Per document id, the fields whose values differ between the live read model and its rebuild. */
    static Map<Object, String> differences(List<Document> live, List<Document> rebuilt) {
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

    static List<Document> all(MongoDatabase db, String collection) {
        return db.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    static void awaitProcessorsCaughtUp(AppProcess app) {
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

    static String signedLetter(AppProcess app, String subject) throws Exception {
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
