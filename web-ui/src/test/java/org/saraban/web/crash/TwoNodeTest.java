package org.saraban.web.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saraban.command.store.EmbeddedMongo;
import org.saraban.command.store.EventChainVerifier;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.support.Replay;
import org.saraban.web.config.Claims;
import org.saraban.web.config.AxonConfig;
import org.saraban.web.directory.DemoDirectory;
import org.saraban.web.live.WebSocketConfig;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Two nodes (issue 7, item 5): two server processes on one machine against one MongoDB. The clerks' requests go to
 * both, each request to the other node than the one before: สพร's letters are drafted, submitted, approved, signed
 * and dispatched, and นร ๐๕ receives the copies, while STOMP clients of both agencies listen on each node. Then:
 * every acknowledged command's effect is there; both registers are gapless and no number was given twice, though
 * both nodes issued them; the hash chain is intact; the read models equal a rebuild; the tracking processors were
 * split between the nodes (ADR 0014); and each listener, on either node, was told of every event of its agency's
 * letters, in order. Last, one node is killed: the other takes over all its processors and serves on.
 *
 * <p>{@code -Dsaraban.twonode.seconds=300} for the full run (default 10 in the suite): how long the clerks keep
 * starting letters; {@code -Dsaraban.twonode.clerks} clerks at once (default 4).
 */
class TwoNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DGA = URLEncoder.encode("สพร", StandardCharsets.UTF_8);
    private static final String SOC = URLEncoder.encode("นร ๐๕", StandardCharsets.UTF_8).replace("+", "%20");
    private static final List<String> NODE_IDS = List.of("node-1", "node-2");
    /** The events whose notice names the received copy, not the sender's letter (as LetterEvents maps them). */
    private static final Set<String> COPY_EVENTS = Set.of("LetterDeliveredEvent", "LetterReceivedEvent",
            "PaperLetterImportedEvent", "LetterVerifiedEvent");

    @TempDir
    Path dir;

    /** One node as the test sees it: its process and what it acknowledged. */
    private record Node(String id, AppProcess app, AtomicInteger acknowledged, AtomicInteger retried) {
    }

    @Test
    void two_nodes_on_one_store_share_commands_numbers_projections_and_live_notices() throws Exception {
        int seconds = Integer.getInteger("saraban.twonode.seconds", 10);
        int clerks = Integer.getInteger("saraban.twonode.clerks", 4);
        EmbeddedMongo store = EmbeddedMongo.inMemory();
        String uri = store.connectionString();
        long began = System.nanoTime();
        List<Node> nodes = new ArrayList<>();
        List<Listener> listeners = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("saraban");
            for (String id : NODE_IDS) {
                AppProcess app = new AppProcess(dir.resolve(id), dir.resolve(id + ".log"), List.of(
                        "--saraban.mongodb.uri=" + uri, "--saraban.mongodb.transactions=false", "--saraban.demo=true",
                        "--saraban.signing.storage-password=two-node-test-only", "--saraban.cluster.node-id=" + id));
                nodes.add(new Node(id, app, new AtomicInteger(), new AtomicInteger()));
                app.start(); // one after the other: the first loads the demo directory and makes the CA
            }
            long started = System.nanoTime();

            // 1. the processors split: each node runs some of them
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> owners(db).keySet().containsAll(NODE_IDS));
            System.out.printf("two nodes: both up in %d s; processors split %s%n",
                    (started - began) / 1_000_000_000L, owners(db));

            // 2. on each node, a listener of each agency, subscribed before anything happens
            for (Node node : nodes) {
                for (String user : List.of("dga.clerk", "soc.clerk")) {
                    listeners.add(Listener.connect(node, user));
                }
            }
            long from = awaitListening(nodes.get(0), listeners);

            // 3. the clerks: letters from draft to dispatch, and receipts of the copies, on alternating nodes
            Map<String, JsonNode> dispatched = new ConcurrentHashMap<>();
            Map<String, JsonNode> received = new ConcurrentHashMap<>();
            BlockingQueue<String> toReceive = new LinkedBlockingQueue<>();
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger notYetDelivered = new AtomicInteger();
            long clerksStarted = System.nanoTime();
            long until = clerksStarted + Duration.ofSeconds(seconds).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clerks + 1);
            AtomicInteger sending = new AtomicInteger(clerks);
            for (int c = 0; c < clerks; c++) {
                int clerk = c;
                pool.submit(() -> {
                    AtomicInteger turn = new AtomicInteger(clerk);
                    try {
                        for (int i = 0; System.nanoTime() < until && problems.isEmpty(); i++) {
                            JsonNode sent = letter(nodes, turn, "หนังสือทดสอบสองเครื่อง ผู้ส่ง " + clerk + " ฉบับที่ " + i);
                            dispatched.put(sent.get("id").asText(), sent);
                            toReceive.add(sent.get("deliveries").get(0).get("copyId").asText());
                        }
                    } catch (Exception | AssertionError e) {
                        problems.add(e.toString());
                    } finally {
                        sending.decrementAndGet();
                    }
                    return null;
                });
            }
            // one clerk at นร ๐๕ receives the copies as they are delivered, until all are received
            pool.submit(() -> {
                AtomicInteger turn = new AtomicInteger();
                while (problems.isEmpty() && (sending.get() > 0 || !toReceive.isEmpty())) {
                    String copy = toReceive.poll(200, TimeUnit.MILLISECONDS);
                    if (copy == null) {
                        continue;
                    }
                    Node node = nodes.get(turn.getAndIncrement() % nodes.size());
                    HttpResponse<String> r = node.app().post("soc.clerk", "/api/letters/" + copy + "/receive", null);
                    if (r.statusCode() == 200) {
                        node.acknowledged().incrementAndGet();
                        received.put(copy, JSON.readTree(r.body()));
                    } else if (r.statusCode() == 404) {
                        notYetDelivered.incrementAndGet(); // the delivery policy has not delivered it yet
                        toReceive.add(copy);
                        Thread.sleep(50);
                    } else if (r.statusCode() == 409 && r.body().contains("CONCURRENT_MODIFICATION")) {
                        node.retried().incrementAndGet();
                        toReceive.add(copy);
                    } else {
                        problems.add("receive " + copy + " at " + node.id() + ": " + r.statusCode() + " " + r.body());
                    }
                }
                return null;
            });
            pool.shutdown();
            assertThat(pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS)).as("the clerks finish").isTrue();
            assertThat(problems).as("answers other than the expected ones").isEmpty();
            long worked = System.nanoTime() - clerksStarted;

            // 4. every acknowledged dispatch and receipt is there, read on either node
            Node reader = nodes.get(0);
            CrashRecoveryTest.awaitProcessorsCaughtUp(reader.app());
            assertThat(received.keySet()).as("every copy received").hasSize(dispatched.size());
            int r = 0;
            for (Map.Entry<String, JsonNode> ack : dispatched.entrySet()) {
                AppProcess app = nodes.get(r++ % nodes.size()).app();
                JsonNode view = JSON.readTree(app.get("dga.clerk", "/api/letters/" + ack.getKey()).body());
                assertThat(view.get("status").asText()).isEqualTo("DISPATCHED");
                assertThat(view.get("number").asText()).isEqualTo(ack.getValue().get("number").asText());
            }
            for (Map.Entry<String, JsonNode> ack : received.entrySet()) {
                AppProcess app = nodes.get(r++ % nodes.size()).app();
                JsonNode view = JSON.readTree(app.get("soc.clerk", "/api/letters/" + ack.getKey()).body());
                assertThat(view.get("status").asText()).isEqualTo("RECEIVED");
                assertThat(view.get("receivingNumber").asText())
                        .isEqualTo(ack.getValue().get("receivingNumber").asText());
            }

            // 5. both registers gapless, and no number given twice though both nodes gave them
            int year = dispatched.values().iterator().next().get("yearBE").asInt();
            Map<String, String> sent = CrashRecoveryTest.gaplessRegister(reader.app(), "dga.clerk",
                    DGA + "/sent/" + year, "number", "two nodes");
            Map<String, String> in = CrashRecoveryTest.gaplessRegister(reader.app(), "soc.clerk",
                    SOC + "/received/" + year, "receivingNumber", "two nodes");
            dispatched.forEach((id, v) -> assertThat(sent.get(id)).isEqualTo(v.get("number").asText()));
            received.forEach((id, v) -> assertThat(in.get(id)).isEqualTo(v.get("receivingNumber").asText()));
            assertThat(new TreeSet<>(dispatched.values().stream().map(v -> v.get("number").asText()).toList()))
                    .as("each ที่ given once").hasSize(dispatched.size());
            assertThat(new TreeSet<>(received.values().stream().map(v -> v.get("receivingNumber").asText()).toList()))
                    .as("each เลขรับ given once").hasSize(received.size());

            // 6. the chain, and the read models against a rebuild
            EventChainVerifier.Report chain = new EventChainVerifier(db).verify();
            assertThat(chain.intact()).as(String.valueOf(chain)).isTrue();
            assertThat(chain.checked()).isEqualTo(db.getCollection("events").countDocuments());
            rebuildEquals(client, db);

            // 7. both nodes ran processors throughout, and every listener heard every event of its agency's letters
            Map<String, List<String>> split = owners(db);
            assertThat(split.keySet()).as("processors run on both nodes: " + split).containsAll(NODE_IDS);
            long to = engine(db).headPosition();
            Map<String, Set<String>> expected = expectedNotices(db, from, to);
            for (Listener l : listeners) {
                Set<String> wanted = expected.getOrDefault(l.agency(), Set.of());
                Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> l.heard(from, to).containsAll(wanted));
                assertThat(l.heard(from, to)).as(l + " heard every event of its agency's letters, and no other")
                        .isEqualTo(wanted);
                assertThat(l.seqs()).as(l + " in order, each once").isSorted().doesNotHaveDuplicates();
                assertThat(l.errors).as(l + " kept its connection").isEmpty();
            }
            long events = db.getCollection("events").countDocuments();
            System.out.printf("two nodes: %d s of clerks (%d at once); acknowledged %s commands per node, and "
                            + "%s retried after 409 CONCURRENT_MODIFICATION; %d dispatches, %d receipts (%d tries "
                            + "before delivery); %d events in all, %d in the run; notices per listener %s; "
                            + "processors %s; %d s in all so far%n",
                    worked / 1_000_000_000L, clerks, tally(nodes, Node::acknowledged), tally(nodes, Node::retried),
                    dispatched.size(), received.size(), notYetDelivered.get(), events, to - from,
                    listeners.stream().map(l -> l + "=" + l.heard(from, to).size()).toList(), split,
                    (System.nanoTime() - began) / 1_000_000_000L);

            // 8. one node dies: the other takes over its processors when its claims lapse, and serves on
            Node survivor = nodes.get(0);
            Node victim = nodes.get(1);
            long killed = System.nanoTime();
            victim.app().kill();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> owners(db).keySet().equals(Set.of(survivor.id())));
            long takeover = (System.nanoTime() - killed) / 1_000_000_000L;
            Map<String, List<String>> after = owners(db);
            JsonNode last = letter(List.of(survivor), new AtomicInteger(), "หนังสือทดสอบหลังเครื่องหนึ่งดับ");
            String copy = last.get("deliveries").get(0).get("copyId").asText();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    survivor.app().post("soc.clerk", "/api/letters/" + copy + "/receive", null).statusCode() == 200);
            CrashRecoveryTest.awaitProcessorsCaughtUp(survivor.app());
            Map<String, String> sentAfter = CrashRecoveryTest.gaplessRegister(survivor.app(), "dga.clerk",
                    DGA + "/sent/" + year, "number", "after the kill");
            assertThat(sentAfter.get(last.get("id").asText())).isEqualTo(last.get("number").asText());
            CrashRecoveryTest.gaplessRegister(survivor.app(), "soc.clerk", SOC + "/received/" + year,
                    "receivingNumber", "after the kill");
            assertThat(new EventChainVerifier(db).verify().intact()).isTrue();
            for (Listener l : listeners) {
                if (l.node().equals(survivor.id())) {
                    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> l.heard(0, Long.MAX_VALUE).stream()
                            .anyMatch(n -> n.contains(":" + (l.agency().equals("สพร") ? last.get("id").asText() : copy)
                                    + ":")));
                }
            }
            System.out.printf("two nodes: %s killed; %s ran all %d processors %d s later and served on; %d s in all%n",
                    victim.id(), survivor.id(), after.get(survivor.id()).size(), takeover,
                    (System.nanoTime() - began) / 1_000_000_000L);
        } finally {
            listeners.forEach(Listener::close);
            for (Node node : nodes) {
                node.app().close();
            }
            store.close();
        }
    }

    /** A letter of สพร from draft to dispatch, each request on the next node in turn; the dispatch's answer. */
    private static JsonNode letter(List<Node> nodes, AtomicInteger turn, String subject) throws Exception {
        String director = DemoDirectory.personId("dga.director");
        String id = command(nodes, turn, "dga.officer", "/api/letters", CrashRecoveryTest.externalLetter(subject), 201)
                .get("id").asText();
        command(nodes, turn, "dga.officer", "/api/letters/" + id + "/submit", "{\"approverId\":\"" + director + "\"}", 200);
        command(nodes, turn, "dga.director", "/api/letters/" + id + "/approve", null, 200);
        command(nodes, turn, "dga.director", "/api/letters/" + id + "/sign", null, 200);
        return command(nodes, turn, "dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
    }

    /**
     * One command on the node whose turn it is. A 409 CONCURRENT_MODIFICATION (the server's own retries all lost
     * the race, e.g. for the register book) changed nothing, so it is sent again, to the next node.
     */
    private static JsonNode command(List<Node> nodes, AtomicInteger turn, String user, String path, String json,
                                    int expected) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Node node = nodes.get(turn.getAndIncrement() % nodes.size());
            HttpResponse<String> r = node.app().post(user, path, json);
            if (r.statusCode() == 409 && r.body().contains("CONCURRENT_MODIFICATION") && attempt < 10) {
                node.retried().incrementAndGet();
                continue;
            }
            assertThat(r.statusCode()).as(node.id() + " " + path + ": " + r.body()).isEqualTo(expected);
            node.acknowledged().incrementAndGet();
            return JSON.readTree(r.body());
        }
    }

    /**
     * Drafts a letter at each agency and waits until every listener was told of its own agency's: from then on
     * each is subscribed. The position to count notices from.
     */
    private static long awaitListening(Node node, List<Listener> listeners) throws Exception {
        Map<String, String> markers = new HashMap<>();
        for (Map.Entry<String, String> officer : Map.of("สพร", "dga.officer", "นร ๐๕", "soc.officer").entrySet()) {
            HttpResponse<String> r = node.app().post(officer.getValue(), "/api/letters", JSON.writeValueAsString(
                    Map.of("kind", "STATEMENT", "subject", "แถลงการณ์ทดสอบการรับแจ้ง", "body", List.of("ขอแถลงว่า"))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            markers.put(officer.getKey(), JSON.readTree(r.body()).get("id").asText());
        }
        long from = 0;
        for (Listener l : listeners) {
            String marker = markers.get(l.agency());
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    l.heard(0, Long.MAX_VALUE).stream().anyMatch(n -> n.contains(":" + marker + ":")));
            from = Math.max(from, l.heard(0, Long.MAX_VALUE).stream().mapToLong(n -> Long.parseLong(n.split(":")[0]))
                    .max().orElse(0));
        }
        return from;
    }

    /**
     * Per agency, the notices its clerk must get for the events after {@code from} up to {@code to}: every event of
     * a letter of the agency (a clerk sees every letter of the agency that is not secret), as
     * {@code seq:letterId:type}.
     */
    private static Map<String, Set<String>> expectedNotices(MongoDatabase db, long from, long to) throws Exception {
        Map<String, Set<String>> expected = new HashMap<>();
        for (Document e : db.getCollection("events").find(Filters.and(Filters.gt("_id", from), Filters.lte("_id", to)))) {
            String payloadType = e.getString("payloadType");
            if (!payloadType.startsWith("org.saraban.api.letter.")) {
                continue;
            }
            String simple = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            JsonNode payload = JSON.readTree(e.getString("payload"));
            String letterId = payload.path(COPY_EVENTS.contains(simple) ? "copyId" : "letterId").asText();
            Document letter = db.getCollection(LetterStore.LETTERS).find(Filters.eq("_id", letterId)).first();
            assertThat(letter).as("the view of " + letterId).isNotNull();
            expected.computeIfAbsent(letter.getString("agencyCode"), a -> new TreeSet<>())
                    .add(e.get("_id") + ":" + letterId + ":" + simple.substring(0, simple.length() - "Event".length()));
        }
        return expected;
    }

    /** Which node runs which tracking processor, from the claims in the token store. */
    private static Map<String, List<String>> owners(MongoDatabase db) {
        Map<String, List<String>> owners = new TreeMap<>();
        for (Document t : db.getCollection(Claims.TOKENS).find()) {
            String owner = t.getString("owner");
            owners.computeIfAbsent(owner == null ? "(unclaimed)" : owner, o -> new ArrayList<>())
                    .add(t.getString("processorName"));
        }
        owners.values().forEach(Collections::sort);
        return owners;
    }

    private static MongoEventStorageEngine engine(MongoDatabase db) {
        return MongoEventStorageEngine.builder().database(db).eventSerializer(AxonConfig.newEventSerializer())
                .snapshotSerializer(AxonConfig.snapshotSerializer()).build();
    }

    private static void rebuildEquals(MongoClient client, MongoDatabase live) {
        MongoDatabase rebuilt = client.getDatabase("rebuild");
        rebuilt.drop();
        MongoEventStorageEngine engine = engine(live);
        long replayed = Replay.into(new LetterProjection(new LetterStore(rebuilt)), engine.readEvents(null, false));
        assertThat(replayed).isEqualTo(engine.countEvents());
        for (String collection : List.of(LetterStore.LETTERS, LetterStore.LETTER_LIST, LetterStore.REGISTER_ROWS)) {
            assertThat(CrashRecoveryTest.differences(CrashRecoveryTest.all(live, collection),
                    CrashRecoveryTest.all(rebuilt, collection))).as(collection + " equals its rebuild").isEmpty();
        }
        rebuilt.drop();
    }

    private static Map<String, Integer> tally(List<Node> nodes, java.util.function.Function<Node, AtomicInteger> of) {
        Map<String, Integer> tally = new TreeMap<>();
        nodes.forEach(n -> tally.put(n.id(), of.apply(n).get()));
        return tally;
    }

    /** A STOMP connection to one node, signed in as a clerk, subscribed to the letter notices. */
    private static final class Listener extends StompSessionHandlerAdapter {

        private final String node;
        private final String user;
        private final List<JsonNode> notices = Collections.synchronizedList(new ArrayList<>());
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private StompSession session;

        private Listener(String node, String user) {
            this.node = node;
            this.user = user;
        }

        static Listener connect(Node node, String user) throws Exception {
            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
            stomp.setMessageConverter(new SimpleMessageConverter()); // raw bytes: JSON is parsed here
            WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
            headers.add("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            Listener l = new Listener(node.id(), user);
            l.session = stomp.connectAsync("ws://127.0.0.1:" + node.app().httpPort() + "/ws", headers,
                    new StompHeaders(), l).get(30, TimeUnit.SECONDS);
            l.session.subscribe(WebSocketConfig.LETTERS_SUBSCRIPTION, new StompSessionHandlerAdapter() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    try {
                        l.notices.add(JSON.readTree((byte[]) payload));
                    } catch (java.io.IOException e) {
                        l.errors.add("unreadable notice: " + e);
                    }
                }
            });
            return l;
        }

        String node() {
            return node;
        }

        String agency() {
            return user.startsWith("dga.") ? "สพร" : "นร ๐๕";
        }

        /** The notices with {@code from < seq <= to}, as {@code seq:letterId:type}. */
        Set<String> heard(long from, long to) {
            Set<String> heard = new TreeSet<>();
            synchronized (notices) {
                for (JsonNode n : notices) {
                    long seq = n.get("seq").asLong();
                    if (seq > from && seq <= to) {
                        heard.add(seq + ":" + n.get("letterId").asText() + ":" + n.get("type").asText());
                    }
                }
            }
            return heard;
        }

        List<Long> seqs() {
            synchronized (notices) {
                return notices.stream().map(n -> n.get("seq").asLong()).toList();
            }
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        /** An ERROR frame on the connection. */
        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add("ERROR " + headers.getFirst("message"));
        }

        @Override
        public void handleTransportError(StompSession s, Throwable exception) {
            errors.add("transport: " + exception);
        }

        void close() {
            if (session != null && session.isConnected()) {
                session.disconnect();
            }
        }

        @Override
        public String toString() {
            return user + "@" + node;
        }
    }
}
