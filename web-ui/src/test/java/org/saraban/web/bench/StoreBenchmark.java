package org.saraban.web.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.command.store.EmbeddedMongo;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.archive.DestructionListProjection;
import org.saraban.query.archive.FilePlanProjection;
import org.saraban.query.archive.LoanProjection;
import org.saraban.query.archive.TransferListProjection;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.meeting.MeetingProjection;
import org.saraban.query.privacy.PdpaProjection;
import org.saraban.query.support.Replay;
import org.saraban.web.SarabanApplication;
import org.saraban.web.config.StorageConfig;
import org.saraban.web.directory.DemoDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store's figures (issue 7, item 1), each next to a baseline measured in the same run on the same server:
 * <ul>
 *   <li>append efficiency: letter commands a second through the HTTP API (drafts and edits, by {@code --clients}
 *   clerks at once, each waiting for its answer) over raw driver inserts a second of documents of the same size
 *   (copies of the events those commands stored) into the same server by as many threads; also over raw inserts
 *   that each wait for the embedded store's group commit, as an acknowledged command does;</li>
 *   <li>projection lag p50/p99 under that load: from an event's creation to the commit of the letters'
 *   projection that applied it, beside the commands' own p50/p99;</li>
 *   <li>replay: events a second when every read model is rebuilt from the event store (all seven projections, into
 *   a database of their own) over the raw read rate of the event collection through the driver;</li>
 *   <li>growth: append and query latency at each of {@code --levels} stored events. The store is filled to each
 *   level with copies of the letters the clerks drafted: the same events under new letter ids, appended through
 *   the storage engine in batches (so positions and the hash chain cover them), and each copy's view (its letter
 *   and list entry) copied from its original's. The tracking processors pause meanwhile, their tokens are set to
 *   the new head, and the server restarts on its files (timed): the projections' own rate is the replay's figure,
 *   and they would take hours over 1M events.</li>
 * </ul>
 * The server runs in this JVM on the shipped default, the durable embedded store in a temporary directory, with
 * the demo directory; the clients are real HTTP connections over loopback. Not a test: the numbers depend on the
 * machine. Run by {@link BenchmarkReport}, or alone:
 * <pre>
 * java -Xmx8g -cp (web-ui's test classpath) org.saraban.web.bench.StoreBenchmark \
 *     [--clients 8] [--seconds 20] [--levels 10000,100000,1000000] [--replay-max 100000] [--out FILE]
 * </pre>
 * {@code --out} receives the figures as {@code key=value} lines for the report's headline.
 */
public final class StoreBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAGRAPH = "ด้วยสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) กำหนดจัดการประชุมเชิงปฏิบัติการ"
            + "เรื่อง การพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ เพื่อให้หน่วยงานของรัฐรับส่งหนังสือราชการทางอิเล็กทรอนิกส์"
            + "ได้อย่างมั่นคงปลอดภัย ตรวจสอบได้ และเป็นไปตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ";

    private StoreBenchmark() {
    }

    record Options(int clients, int seconds, List<Long> levels, long replayMax, Path out) {
        static Options parse(String[] args) {
            int clients = 8;
            int seconds = 20;
            List<Long> levels = List.of(10_000L, 100_000L, 1_000_000L);
            long replayMax = 100_000;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--levels" -> levels = args[++i].equals("none") ? List.of()
                            : Arrays.stream(args[i].split(",")).map(Long::parseLong).toList();
                    case "--replay-max" -> replayMax = Long.parseLong(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--clients N, --seconds S, --levels L1,L2|none, --replay-max N, --out FILE)");
                }
            }
            return new Options(clients, seconds, levels, replayMax, out);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("saraban-bench-store");
        System.out.printf(Locale.ROOT, "store benchmark: %d clients, %d s per measure, %d cores, %s, store %s%n",
                o.clients(), o.seconds(), Runtime.getRuntime().availableProcessors(), Runtime.version(), dir);
        Run run = new Run(dir, o);
        int exit = 1;
        try {
            Map<String, Object> figures = run.run();
            if (o.out() != null) {
                StringBuilder b = new StringBuilder();
                figures.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
                Files.createDirectories(o.out().toAbsolutePath().getParent());
                Files.writeString(o.out(), b.toString());
            }
            exit = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            run.ctx.close();
            deleteStore(dir); // tens of GB at the 1M level
        }
        System.exit(exit);
    }

    private static void deleteStore(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            System.out.println("could not delete the benchmark's store " + dir + ": " + e);
        }
    }

    /** The server on the shipped default, the durable embedded store in {@code dir}, in this JVM. */
    static ConfigurableApplicationContext boot(Path dir) {
        return new SpringApplicationBuilder(SarabanApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchTypeExcludeFilter",
                        new MeetingLoadBenchmark.TestComponentsOut()))
                .run("--server.port=0", "--saraban.embedded.data-dir=" + dir, "--saraban.demo=true",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.saraban=WARN",
                        "--logging.level.axon-janitor=ERROR");
    }

    static final class Run {
        private final Path dir;
        private final Options o;
        // the server's, bound again when it restarts
        private ConfigurableApplicationContext ctx;
        private String base;
        private StorageConfig.Store store;
        private MongoEventStorageEngine engine;
        private TrackingEventProcessor letters;
        private EventProcessingConfiguration processing;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, Object> figures = new LinkedHashMap<>();
        /** Projection lags (ns) of the letters' projection while {@link #recording}. */
        private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        private volatile boolean recording;
        private final List<String> created = Collections.synchronizedList(new ArrayList<>());
        private List<MeetingLoadBenchmark.Http.Session> officers;
        private String director;

        Run(Path dir, Options o) {
            this.dir = dir;
            this.o = o;
            bind(boot(dir));
        }

        private void bind(ConfigurableApplicationContext ctx) {
            this.ctx = ctx;
            this.base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
            this.store = ctx.getBean(StorageConfig.Store.class);
            this.engine = ctx.getBean(MongoEventStorageEngine.class);
            this.processing = ctx.getBean(EventProcessingConfiguration.class);
            this.letters = processing.eventProcessor(LetterProjection.GROUP, TrackingEventProcessor.class)
                    .orElseThrow();
            registerLagProbe(letters);
        }

        /** Stops the server (as an operator does) and starts it again on its files; the clerks log in again. */
        private void restart() throws Exception {
            ctx.close();
            bind(boot(dir));
            logIn();
        }

        private void logIn() throws Exception {
            MeetingLoadBenchmark.Http login = new MeetingLoadBenchmark.Http(base);
            List<MeetingLoadBenchmark.Http.Session> sessions = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                sessions.add(login.login("dga.officer"));
            }
            officers = sessions;
        }

        /** Times each event from its creation to the commit of the projection's unit of work that applied it. */
        private void registerLagProbe(EventProcessor processor) {
            processor.registerHandlerInterceptor((unitOfWork, chain) -> {
                Instant created = unitOfWork.getMessage().getTimestamp();
                if (recording) {
                    unitOfWork.afterCommit(u -> lags.add(Duration.between(created, Instant.now()).toNanos()));
                }
                return chain.proceed();
            });
        }

        Map<String, Object> run() throws Exception {
            logIn();
            director = DemoDirectory.personId("dga.director");

            System.out.println("\n== append: letter commands through the HTTP API vs raw driver inserts ==");
            load(Duration.ofSeconds(5), o.clients()); // warm-up: JIT, connections, caches
            long headBefore = engine.headPosition();
            lags.clear();
            recording = true;
            Load appended = load(Duration.ofSeconds(o.seconds()), o.clients());
            recording = false;
            awaitLettersCaughtUp(Duration.ofSeconds(60));
            List<Long> lagSample = new ArrayList<>(lags);
            long headAfter = engine.headPosition();
            List<Document> samples = eventDocuments(headBefore, headAfter);
            double avgSize = samples.stream().mapToInt(StoreBenchmark::bsonSize).average().orElse(0);
            double commandRate = appended.count() / appended.seconds();
            System.out.printf(Locale.ROOT, "letter commands (drafts and edits), %d clients: %,.0f/s; latency %s%n",
                    o.clients(), commandRate, Stats.of(appended.latencies()));
            System.out.printf(Locale.ROOT, "events stored by them: %,d, average %,.0f bytes as BSON%n",
                    headAfter - headBefore, avgSize);
            Raw raw = rawInserts(samples, Duration.ofSeconds(Math.max(5, o.seconds() / 2)), false);
            Raw rawDurable = rawInserts(samples, Duration.ofSeconds(Math.max(5, o.seconds() / 2)), true);
            System.out.printf(Locale.ROOT, "raw driver inserts of those documents, %d threads: %,.0f/s; latency %s%n",
                    o.clients(), raw.rate(), Stats.of(raw.latencies()));
            System.out.printf(Locale.ROOT, "raw inserts each waiting for the group commit: %,.0f/s; latency %s%n",
                    rawDurable.rate(), Stats.of(rawDurable.latencies()));
            Raw engineAppends = engineAppends(templates(8), Duration.ofSeconds(Math.max(5, o.seconds() / 2)));
            System.out.printf(Locale.ROOT, "the storage engine's own appends (one event each, chained, then the group "
                    + "commit), %d threads: %,.0f/s; latency %s; %.3f of raw inserts%n", o.clients(), engineAppends.rate(),
                    Stats.of(engineAppends.latencies()), engineAppends.rate() / raw.rate());
            figures.put("append.engineAppendsPerSecond", round(engineAppends.rate()));
            figures.put("append.engineEfficiency", String.format(Locale.ROOT, "%.3f", engineAppends.rate() / raw.rate()));
            double efficiency = commandRate / raw.rate();
            System.out.printf(Locale.ROOT, "append efficiency: %.3f of raw inserts (goal >= 0.5); %.3f of durable "
                    + "raw inserts%n", efficiency, commandRate / rawDurable.rate());
            figures.put("append.commandsPerSecond", round(commandRate));
            figures.put("append.rawInsertsPerSecond", round(raw.rate()));
            figures.put("append.rawDurableInsertsPerSecond", round(rawDurable.rate()));
            figures.put("append.efficiency", String.format(Locale.ROOT, "%.3f", efficiency));
            figures.put("append.efficiencyDurable", String.format(Locale.ROOT, "%.3f", commandRate / rawDurable.rate()));
            figures.put("append.eventBytes", round(avgSize));
            figures.put("command.p50ms", ms(Stats.pct(appended.latencies(), 0.50)));
            figures.put("command.p99ms", ms(Stats.pct(appended.latencies(), 0.99)));

            System.out.println("\n== projection lag under that load (event created -> letters' view committed) ==");
            System.out.printf(Locale.ROOT, "projection lag over %,d events: %s; commands: %s%n", lagSample.size(),
                    Stats.of(lagSample), Stats.of(appended.latencies()));
            double lagRatio = (double) Stats.pct(lagSample, 0.99) / Stats.pct(appended.latencies(), 0.99);
            System.out.printf(Locale.ROOT, "projection lag p99 / command p99: %.2f (goal <= 2)%n", lagRatio);
            figures.put("lag.p50ms", ms(Stats.pct(lagSample, 0.50)));
            figures.put("lag.p99ms", ms(Stats.pct(lagSample, 0.99)));
            figures.put("lag.ratio", String.format(Locale.ROOT, "%.2f", lagRatio));

            List<Template> templates = templates(50);
            boolean replayed = false;
            System.out.println("\n== growth: latency as the store grows ==");
            System.out.printf(Locale.ROOT, "%12s %9s %22s %22s %26s %26s %24s %9s%n", "events", "fill/s",
                    "append p50/p99 ms", "open letter p50/p99", "outbox p50/p99", "search p50/p99",
                    "open while searching", "letters");
            for (long level : o.levels()) {
                long head = engine.headPosition();
                double fillRate = 0;
                if (level > head) {
                    long start = System.nanoTime();
                    long letterCopies = fill(templates, level - head);
                    double fillSeconds = (System.nanoTime() - start) / 1e9;
                    long filled = engine.headPosition() - head;
                    fillRate = filled / fillSeconds;
                    System.out.printf(Locale.ROOT, "  (filled %,d events of %,d letters in %.0f s, with their views)%n",
                            filled, letterCopies, fillSeconds);
                    // The processors stay paused at the new head; a restart opens their event streams there (while
                    // running, Axon's event store would first read the fill once more, polling), as after any upgrade.
                    long restartStart = System.nanoTime();
                    restart();
                    double restartSeconds = (System.nanoTime() - restartStart) / 1e9;
                    awaitLettersCaughtUp(Duration.ofMinutes(2));
                    load(Duration.ofSeconds(3), o.clients()); // warm-up, as at first
                    System.out.printf(Locale.ROOT, "  (the server stopped and started again on them in %.0f s)%n",
                            restartSeconds);
                    figures.put("growth." + level + ".restartSeconds", round(restartSeconds));
                }
                long letterCount = store.database().getCollection(LetterStore.LETTERS).estimatedDocumentCount();
                long stored = engine.headPosition();
                Load append = load(Duration.ofSeconds(Math.max(5, o.seconds() / 2)), o.clients());
                Load open = queries(Duration.ofSeconds(5), 2, s -> get(s, "/api/letters/" + randomLetter()));
                Load outbox = queries(Duration.ofSeconds(5), 2, s -> get(s, "/api/outbox?size=20"));
                // two clerks search while a third opens letters: a search must not hold up everyone else
                ExecutorService searchers = Executors.newSingleThreadExecutor();
                Future<Load> searching = searchers.submit(() -> queries(Duration.ofSeconds(5), 2,
                        s -> get(s, "/api/search?q=" + java.net.URLEncoder.encode("สารบรรณอิเล็กทรอนิกส์", StandardCharsets.UTF_8))));
                Thread.sleep(500);
                Load openWhileSearching = queries(Duration.ofSeconds(4), 1, s -> get(s, "/api/letters/" + randomLetter()));
                Load search = searching.get();
                searchers.shutdown();
                // what one such search read: on the embedded store at most SEARCH_LIMIT letters, the latest changed
                JsonNode answer = JSON.readTree(get(officers.get(0), "/api/search?q="
                        + java.net.URLEncoder.encode("สารบรรณอิเล็กทรอนิกส์", StandardCharsets.UTF_8)).body());
                System.out.printf(Locale.ROOT, "  (a search read %,d letters%s and found %,d)%n",
                        answer.path("searched").asInt(), answer.path("partial").asBoolean()
                                ? ", the latest changed of a larger store (partial)" : "", answer.path("total").asLong());
                figures.put("growth." + level + ".searchRead", answer.path("searched").asInt());
                figures.put("growth." + level + ".searchPartial", answer.path("partial").asBoolean());
                System.out.printf(Locale.ROOT, "%,12d %9s %22s %22s %26s %26s %24s %9s%n", stored,
                        fillRate == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", fillRate),
                        pair(append), pair(open), pair(outbox), pair(search), pair(openWhileSearching),
                        String.format(Locale.ROOT, "%,d", letterCount));
                String key = "growth." + level;
                figures.put(key + ".stored", stored);
                figures.put(key + ".letters", letterCount);
                figures.put(key + ".append", pair(append));
                figures.put(key + ".open", pair(open));
                figures.put(key + ".outbox", pair(outbox));
                figures.put(key + ".search", pair(search));
                figures.put(key + ".openWhileSearching", pair(openWhileSearching));
                if (stored <= o.replayMax() || !replayed) {
                    replay(stored);
                    replayed = true;
                }
            }
            if (!replayed) {
                replay(engine.headPosition());
            }
            return figures;
        }

        // ------------------------------------------------------------------ load

        record Load(long count, double seconds, List<Long> latencies, long failed) {
            Load(long count, double seconds, List<Long> latencies) {
                this(count, seconds, latencies, 0);
            }
        }

        /** Closed loop: each client drafts a letter, edits it once, and again, for {@code duration}. */
        Load load(Duration duration, int clients) throws Exception {
            return closedLoop(duration, clients, s -> {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = send(s, "POST", "/api/letters", letter("ร่าง " + UUID.randomUUID()));
                long t1 = System.nanoTime();
                expect(r, 201);
                String id = JSON.readTree(r.body()).get("id").asText();
                created.add(id);
                HttpResponse<byte[]> e = send(s, "PATCH", "/api/letters/" + id,
                        JSON.writeValueAsString(Map.of("subject", "ขอเชิญประชุมเชิงปฏิบัติการ " + id.substring(0, 8))));
                long t2 = System.nanoTime();
                expect(e, 200);
                return new long[] {t1 - t0, t2 - t1};
            });
        }

        /**
         * A query kind for {@code duration} by {@code clients} callers, each call waiting up to a minute; an answer
         * other than 200 is counted as a failure, not a latency (a query that scans the store may time out).
         */
        Load queries(Duration duration, int clients, Call call) throws Exception {
            AtomicLong failed = new AtomicLong();
            Load l = closedLoop(duration, clients, s -> {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r;
                try {
                    r = call.apply(s);
                } catch (java.io.IOException e) {
                    failed.incrementAndGet();
                    return new long[0];
                }
                long t1 = System.nanoTime();
                if (r.statusCode() != 200) {
                    failed.incrementAndGet();
                    return new long[0];
                }
                return new long[] {t1 - t0};
            });
            return new Load(l.count(), l.seconds(), l.latencies(), failed.get());
        }

        interface Call {
            HttpResponse<byte[]> apply(MeetingLoadBenchmark.Http.Session s) throws Exception;
        }

        interface Step {
            long[] apply(MeetingLoadBenchmark.Http.Session s) throws Exception;
        }

        Load closedLoop(Duration duration, int clients, Step step) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + duration.toNanos();
            long start = System.nanoTime();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                MeetingLoadBenchmark.Http.Session s = officers.get(i % officers.size());
                tasks.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        for (long l : step.apply(s)) {
                            latencies.add(l);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> all = new ArrayList<>(latencies);
            return new Load(all.size(), seconds, all);
        }

        String randomLetter() {
            return created.get(ThreadLocalRandom.current().nextInt(created.size()));
        }

        String letter(String subject) throws Exception {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("kind", "EXTERNAL");
            l.put("subject", subject);
            l.put("salutation", "เรียน");
            l.put("to", List.of(Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี")));
            l.put("body", List.of(PARAGRAPH, "จึงเรียนมาเพื่อโปรดพิจารณาเข้าร่วมการประชุมตามวันและเวลาดังกล่าว"));
            l.put("closing", "ขอแสดงความนับถือ");
            l.put("signatory", director);
            l.put("ownerUnit", Map.of("name", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ"));
            return JSON.writeValueAsString(l);
        }

        HttpResponse<byte[]> get(MeetingLoadBenchmark.Http.Session s, String path) throws Exception {
            return send(s, "GET", path, null);
        }

        HttpResponse<byte[]> send(MeetingLoadBenchmark.Http.Session s, String method, String path, String body)
                throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Cookie", s.cookie()).header("X-XSRF-TOKEN", s.xsrf());
            if (body == null) {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                r.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        static void expect(HttpResponse<byte[]> r, int status) {
            if (r.statusCode() != status) {
                throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": HTTP "
                        + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
        }

        // ------------------------------------------------------------------ raw baseline

        record Raw(double rate, List<Long> latencies) {
        }

        /**
         * Copies of {@code samples} (the events the commands stored, so the same sizes), each under a new
         * {@code _id}, inserted one by one by as many threads as there were clients, into a collection of their
         * own on the same server through a client of its own; with {@code durable}, each insert then waits for the
         * embedded store's group commit, as an acknowledged command does.
         */
        Raw rawInserts(List<Document> samples, Duration duration, boolean durable) throws Exception {
            EmbeddedMongo embedded = store.embedded();
            String uri = embedded != null ? embedded.connectionString() : null;
            try (MongoClient client = uri != null ? MongoClients.create(uri) : null) {
                MongoDatabase db = client != null ? client.getDatabase(store.database().getName()) : store.database();
                MongoCollection<Document> raw = db.getCollection("bench_raw_inserts");
                raw.drop();
                Raw measured = timedThreads(duration, () -> {
                    Document d = new Document(samples.get(ThreadLocalRandom.current().nextInt(samples.size())));
                    d.put("_id", new ObjectId());
                    return () -> {
                        raw.insertOne(d);
                        if (durable && embedded != null) {
                            embedded.awaitDurable();
                        }
                    };
                });
                raw.drop();
                return measured;
            }
        }

        /**
         * The event store alone: threads append one event each (a copy of a drafted letter's first event under a new
         * letter id) through the storage engine, which chains it and stores it and the counter, then wait for the
         * group commit, as the command side does before it acknowledges. No HTTP, no aggregate, no projection.
         */
        Raw engineAppends(List<Template> templates, Duration duration) throws Exception {
            return timedThreads(duration, () -> {
                DomainEventMessage<?> e = templates.get(ThreadLocalRandom.current().nextInt(templates.size())).events()
                        .get(0);
                String id = UUID.randomUUID().toString();
                var event = new GenericDomainEventMessage<>(e.getType(), id, 0, copy(e.getPayload(), id));
                return () -> {
                    engine.appendEvents(List.of(event));
                    store.durability().awaitDurable();
                };
            });
        }

        /**
         * As many threads as there were clients, for two seconds of warm-up and then {@code duration}: each takes
         * an operation from {@code next} and runs it, again and again; only running it is timed, not preparing it.
         */
        Raw timedThreads(Duration duration, java.util.function.Supplier<Runnable> next) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(o.clients());
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            long warm = System.nanoTime() + 2_000_000_000L;
            long deadline = warm + duration.toNanos();
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < o.clients(); t++) {
                tasks.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Runnable operation = next.get();
                        long t0 = System.nanoTime();
                        operation.run();
                        long t1 = System.nanoTime();
                        if (t0 >= warm) {
                            latencies.add(t1 - t0);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
            pool.shutdown();
            return new Raw(latencies.size() / (duration.toNanos() / 1e9), new ArrayList<>(latencies));
        }

        List<Document> eventDocuments(long after, long upTo) {
            List<Long> ids = new ArrayList<>();
            for (long p = after + 1; p <= upTo; p++) {
                ids.add(p);
            }
            List<Document> docs = new ArrayList<>();
            MongoCollection<Document> events = store.database().getCollection("events");
            for (int i = 0; i < ids.size(); i += 1000) {
                events.find(com.mongodb.client.model.Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 1000))))
                        .into(docs);
            }
            return docs;
        }

        // ------------------------------------------------------------------ replay

        /**
         * Rebuilds every read model from the event store into a database of its own, timed, next to a plain read of
         * the event collection (every document, through the driver) and to the storage engine's own read of the
         * events (deserialized, fed to nothing).
         */
        void replay(long stored) {
            MongoCollection<Document> events = store.database().getCollection("events");
            long t0 = System.nanoTime();
            long rawCount = 0;
            try (MongoCursor<RawBsonDocument> c = events.withDocumentClass(RawBsonDocument.class).find().batchSize(1000)
                    .iterator()) {
                while (c.hasNext()) {
                    c.next();
                    rawCount++;
                }
            }
            double rawRate = rawCount / ((System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(null, false)) {
                for (var it = s.iterator(); it.hasNext(); ) {
                    it.next().getPayload();
                    read++;
                }
            }
            double readRate = read / ((System.nanoTime() - t1) / 1e9);

            MongoDatabase rebuilt = store.client().getDatabase("bench_rebuild");
            rebuilt.drop();
            LetterStore letterStore = new LetterStore(rebuilt);
            letterStore.ensureIndexes();
            List<Object> projections = List.of(new LetterProjection(letterStore), new MeetingProjection(rebuilt),
                    new PdpaProjection(rebuilt), new DestructionListProjection(rebuilt), new LoanProjection(rebuilt),
                    new FilePlanProjection(rebuilt), new TransferListProjection(rebuilt));
            long t2 = System.nanoTime();
            long fed;
            try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(null, false)) {
                fed = Replay.into(projections, s);
            }
            double replayRate = fed / ((System.nanoTime() - t2) / 1e9);
            long letterDocs = rebuilt.getCollection("letters").countDocuments();
            rebuilt.drop();
            System.out.printf(Locale.ROOT, "\n== replay at %,d stored events ==%n", stored);
            System.out.printf(Locale.ROOT, "raw read of the event collection: %,.0f documents/s%n", rawRate);
            System.out.printf(Locale.ROOT, "the engine's read, deserialized, fed to nothing: %,.0f events/s (%.3f of raw)%n",
                    readRate, readRate / rawRate);
            System.out.printf(Locale.ROOT, "every read model rebuilt (7 projections, %,d letters): %,.0f events/s; "
                    + "%.3f of the raw read rate (goal >= 0.5)%n", letterDocs, replayRate, replayRate / rawRate);
            figures.put("replay.events", fed);
            figures.put("replay.rawReadPerSecond", round(rawRate));
            figures.put("replay.engineReadPerSecond", round(readRate));
            figures.put("replay.rebuildPerSecond", round(replayRate));
            figures.put("replay.ratio", String.format(Locale.ROOT, "%.3f", replayRate / rawRate));
        }

        // ------------------------------------------------------------------ growth

        /** A letter drafted by the clerks: its events and its view, to be copied under new ids. */
        record Template(List<DomainEventMessage<?>> events, Document view) {
        }

        /** Up to {@code n} of the letters drafted so far, each with its events and its view. */
        List<Template> templates(int n) {
            MongoCollection<Document> views = store.database().getCollection(LetterStore.LETTERS);
            List<Template> out = new ArrayList<>();
            for (String id : created.subList(0, Math.min(n, created.size()))) {
                List<DomainEventMessage<?>> events = new ArrayList<>();
                engine.readEvents(id).asStream().forEach(events::add);
                Document view = views.find(com.mongodb.client.model.Filters.eq("_id", id)).first();
                if (view != null) {
                    out.add(new Template(events, view));
                }
            }
            return out;
        }

        /**
         * Stores copies of the template letters under new ids until at least {@code count} more events are stored
         * (the last letter is copied whole); returns the number of letters copied. The events go through the
         * storage engine in batches of about 500, each made durable with its views, as {@link #engineAppends} does one
         * at a time;
         * each copy's view (its letter and list entry) is its original's with the new id and the position of its
         * last event. Every tracking processor is paused, and its token then set to the new head, for {@link #restart}.
         */
        long fill(List<Template> templates, long count) {
            List<TrackingEventProcessor> paused = new ArrayList<>();
            processing.eventProcessors().values().forEach(p -> {
                if (p instanceof TrackingEventProcessor tep && tep.isRunning()) {
                    tep.shutDown();
                    paused.add(tep);
                }
            });
            MongoCollection<Document> letterViews = store.database().getCollection(LetterStore.LETTERS);
            MongoCollection<Document> listEntries = store.database().getCollection(LetterStore.LETTER_LIST);
            long appended = 0;
            long letters = 0;
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            Map<String, Template> batchLetters = new LinkedHashMap<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (appended < count) {
                Template template = templates.get(random.nextInt(templates.size()));
                String id = UUID.randomUUID().toString();
                for (DomainEventMessage<?> e : template.events()) {
                    batch.add(new GenericDomainEventMessage<>(e.getType(), id, e.getSequenceNumber(), copy(e.getPayload(), id)));
                }
                batchLetters.put(id, template);
                letters++;
                if (batch.size() >= 500 || appended + batch.size() >= count) {
                    org.saraban.command.store.AppendedPositions.reset();
                    engine.appendEvents(batch);
                    Map<String, Long> positions = org.saraban.command.store.AppendedPositions.snapshot();
                    List<Document> views = new ArrayList<>();
                    List<Document> entries = new ArrayList<>();
                    batchLetters.forEach((copyId, t) -> {
                        Document view = new Document(t.view());
                        view.put("_id", copyId);
                        view.put("id", copyId);
                        view.put(org.saraban.query.support.PositionedStore.POSITION, positions.get(copyId));
                        views.add(view);
                        entries.add(LetterStore.listEntry(view));
                    });
                    letterViews.insertMany(views);
                    listEntries.insertMany(entries);
                    store.durability().awaitDurable(); // one group commit for the batch's events and views
                    appended += batch.size();
                    batch = new ArrayList<>();
                    batchLetters.clear();
                }
            }
            org.saraban.command.store.AppendedPositions.reset();
            long head = engine.headPosition();
            for (TrackingEventProcessor tep : paused) {
                org.axonframework.eventhandling.tokenstore.TokenStore tokens = processing.tokenStore(tep.getName());
                for (int segment : tokens.fetchSegments(tep.getName())) {
                    tokens.fetchToken(tep.getName(), segment);
                    tokens.storeToken(org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(head, List.of()),
                            tep.getName(), segment);
                    tokens.releaseClaim(tep.getName(), segment);
                }
            }
            return letters;
        }

        static Object copy(Object payload, String id) {
            if (payload instanceof DraftLetterCreatedEvent c) {
                return new DraftLetterCreatedEvent(id, c.agencyCode(), c.agencyName(), c.ownerUnitCode(), c.author(),
                        c.content(), Instant.now());
            }
            if (payload instanceof DraftLetterEditedEvent e) {
                return new DraftLetterEditedEvent(id, e.editor(), e.content(), Instant.now());
            }
            throw new IllegalStateException("no copy for " + payload.getClass());
        }

        void awaitLettersCaughtUp(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long head = engine.headPosition();
                var status = letters.processingStatus().get(0);
                if (status != null && status.getCurrentPosition().orElse(-1) >= head) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the letters' projection did not catch up within " + timeout);
        }

        static String pair(Load l) {
            String failed = l.failed() == 0 ? "" : String.format(Locale.ROOT, " (%d failed)", l.failed());
            if (l.latencies().isEmpty()) {
                return "none answered" + failed;
            }
            return String.format(Locale.ROOT, "%.1f / %.1f%s", Stats.pct(l.latencies(), 0.5) / 1e6,
                    Stats.pct(l.latencies(), 0.99) / 1e6, failed);
        }
    }

    static int bsonSize(Document d) {
        return new RawBsonDocument(d, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
    }

    static long round(double v) {
        return Math.round(v);
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Percentiles of latencies in nanoseconds. */
    static final class Stats {
        static long pct(List<Long> values, double p) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int i = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }

        static String of(List<Long> values) {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n = %,d)", pct(values, 0.5) / 1e6,
                    pct(values, 0.99) / 1e6, pct(values, 1.0) / 1e6, values.size());
        }
    }

}
