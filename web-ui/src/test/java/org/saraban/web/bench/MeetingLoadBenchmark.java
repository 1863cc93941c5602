package org.saraban.web.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.saraban.api.common.Role;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.web.SarabanApplication;
import org.saraban.web.directory.DemoDirectory;
import org.saraban.web.meeting.LiveMeetingPush;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * The meetings load harness (issue 5, item 9): N members (default 1,000) sign in, follow the meeting over
 * STOMP and join it with their password re-entered; the chair opens polls and every member votes over HTTP,
 * asking for the minimal answer ({@code Prefer: return=minimal}) as the browser does in the room. It reports the
 * join times, the time from each vote to its arrival at every client (p50/p99), and every message lost,
 * duplicated or reordered on any client. Not a test: the numbers depend on the machine.
 *
 * <pre>
 * mvn -o -q -pl command-side,query-side,signing install -DskipTests
 * mvn -o -q -pl web-ui test-compile exec:java -Dskip.frontend=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.saraban.web.bench.MeetingLoadBenchmark \
 *     [-Dexec.args="--members 1000 --concurrency 32 --polls named,secret --rates 20,30"]
 * </pre>
 * The polls: a named and a secret one voted as fast as {@code --concurrency} callers can send (a burst: closed
 * loop, so a vote also waits for a free caller), then, for each rate of {@code --rates} (default 20; "none" for
 * none), a named and a secret one whose votes are sent at that many a second, each at its own time (open loop: as
 * members who vote over the poll's first minute), their latency counted from that time. At 1,000 members a run
 * with the default rates takes about ten minutes on two cores: the joins take two and a half (BCrypt, twice per
 * member), and each baseline takes as long as its poll. The server runs in this JVM on a random port with a fresh
 * in-memory embedded store; the clients are real HTTP and WebSocket connections over loopback, sharing the
 * machine's two cores with it.
 * <p>
 * Baseline: after each poll, the same number of messages of the same shape (a copy of a real vote's entry) are
 * sent straight to the broker ({@code SimpMessagingTemplate}, as the live push does) on the same topic to the
 * same subscribers, evenly at the rate the votes went: the plain STOMP fan-out, without the command bus, the
 * event store and the projection. Ratios are vote figures over the baseline's of the same run.
 * <p>
 * A vote's latency to every client is the time until the last of the N clients received its event, counted from
 * the moment the vote was sent (what a member waits for) and from the moment the voter had its 200 (what the live
 * push adds once the command is done: negative when the push arrives before the HTTP response).
 * <p>
 * The harness's accounts are written to the directory as the demo directory writes its own, all with one
 * BCrypt hash of the demo password (hashing 1,000 times would only slow the set-up); signing in and the
 * password re-entry on joining each check that hash, as they would for real people.
 */
public final class MeetingLoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPTIONS = List.of("เห็นชอบ", "ไม่เห็นชอบ", "งดออกเสียง");
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int MAX_MESSAGE = 1 << 20;

    private MeetingLoadBenchmark() {
    }

    record Options(int members, int concurrency, boolean named, boolean secret, List<Double> rates) {
        static Options parse(String[] args) {
            int members = 1000;
            int concurrency = 32;
            boolean named = true;
            boolean secret = true;
            List<Double> rates = List.of(20.0);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--members" -> members = Integer.parseInt(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--polls" -> {
                        String polls = args[++i];
                        named = polls.contains("named");
                        secret = polls.contains("secret");
                    }
                    case "--rates" -> {
                        String r = args[++i];
                        rates = r.isBlank() || r.equals("none") ? List.of()
                                : Arrays.stream(r.split(",")).map(Double::parseDouble).toList();
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--members N, --concurrency C, --polls named,secret, --rates R1,R2|none)");
                }
            }
            return new Options(members, concurrency, named, secret, rates);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf(Locale.ROOT, "meetings load harness: %d members, %d concurrent HTTP callers, %d cores, %s%n",
                o.members(), o.concurrency(), Runtime.getRuntime().availableProcessors(), Runtime.version());
        long bootStart = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SarabanApplication.class)
                // the test classes' own configurations (a fixed clock) stay out, as in a test context
                .initializers(c -> c.getBeanFactory().registerSingleton("benchTypeExcludeFilter",
                        new TestComponentsOut()))
                // as arguments: they override application.yml (server.port is ${PORT:8080} there)
                .run("--server.port=0", "--saraban.embedded.in-memory=true", "--saraban.demo=true",
                        "--spring.main.banner-mode=off",
                        // Axon's warnings of slow units of work come with a stack trace each
                        "--logging.level.axon-janitor=ERROR");
        int exit = 1;
        try {
            int port = ((ServletWebServerApplicationContext) ctx).getWebServer().getPort();
            System.out.printf(Locale.ROOT, "server up on port %d in %.1f s%n", port, secs(System.nanoTime() - bootStart));
            new Run(ctx, port, o).run();
            exit = 0;
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            ctx.close();
        }
        System.exit(exit);
    }

    /** Leaves the test classes' {@code @TestConfiguration}s out of the component scan, as a test context does. */
    static final class TestComponentsOut extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
                    || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestComponentsOut;
        }

        @Override
        public int hashCode() {
            return TestComponentsOut.class.hashCode();
        }
    }

    /** One run: set-up, the joins, the polls with their baselines, the report. */
    static final class Run {
        private final ConfigurableApplicationContext ctx;
        private final Options o;
        private final Http http;
        private final String wsUrl;
        private final SimpUserRegistry users;
        private final List<BenchMember> members = new ArrayList<>();
        private final List<String> report = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<long[]> benchSends = new ArrayList<>(); // per round
        private Http.Session chair;
        private String meetingId;
        private String topic;
        private String itemId;

        Run(ConfigurableApplicationContext ctx, int port, Options o) {
            this.ctx = ctx;
            this.o = o;
            this.http = new Http("http://localhost:" + port);
            this.wsUrl = "ws://localhost:" + port + "/ws";
            this.users = ctx.getBean(SimpUserRegistry.class);
        }

        void run() throws Exception {
            seed();
            setUpMeeting();
            join();
            if (o.named()) {
                poll(false, 0);
            }
            if (o.secret()) {
                poll(true, 0);
            }
            for (double rate : o.rates()) {
                if (o.named()) {
                    poll(false, rate);
                }
                if (o.secret()) {
                    poll(true, rate);
                }
            }
            lossReport();
            System.out.println();
            report.forEach(System.out::println);
            if (!problems.isEmpty()) {
                System.out.println("problems:");
                problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
                if (problems.size() > 20) {
                    System.out.println("  ... and " + (problems.size() - 20) + " more");
                }
            }
            members.forEach(BenchMember::close);
        }

        /** N members and a chair in สพร, each with a local account (as DemoDirectory writes them). */
        private void seed() {
            long t = System.nanoTime();
            Directory directory = ctx.getBean(Directory.class);
            String hash = ctx.getBean(PasswordEncoder.class).encode(DemoDirectory.PASSWORD);
            String chairId = UUID.randomUUID().toString();
            directory.savePerson(new Person(chairId, "bench.chair", "ประธานทดสอบภาระ", "ประธานกรรมการ", "สพร", "๐๑",
                    Set.of(Role.APPROVER), null));
            directory.saveAccount("bench.chair", hash, chairId);
            for (int i = 1; i <= o.members(); i++) {
                String username = String.format(Locale.ROOT, "bench.m%04d", i);
                String id = UUID.randomUUID().toString();
                directory.savePerson(new Person(id, username, "กรรมการทดสอบ " + i, "กรรมการ", "สพร", "๐๒",
                        Set.of(Role.OFFICER), null));
                directory.saveAccount(username, hash, id);
                members.add(new BenchMember(username, id));
            }
            members.add(0, new BenchMember("bench.chair", chairId)); // index 0: the chair, not a client
            System.out.printf(Locale.ROOT, "seeded %d members and a chair in %.1f s%n", o.members(),
                    secs(System.nanoTime() - t));
        }

        private List<BenchMember> clients() {
            return members.subList(1, members.size());
        }

        private void setUpMeeting() throws Exception {
            Http.Session clerk = http.login("dga.clerk");
            chair = http.login("bench.chair");
            List<Map<String, Object>> list = new ArrayList<>();
            list.add(Map.of("personId", members.get(0).personId, "role", "CHAIR", "committeePosition", "ประธานกรรมการ"));
            for (BenchMember m : clients()) {
                list.add(Map.of("personId", m.personId, "role", "MEMBER", "committeePosition", "กรรมการ"));
            }
            String committee = http.expect(http.post(clerk, "/api/committees", Map.of(
                    "name", "คณะกรรมการทดสอบภาระ " + System.nanoTime(), "type", "GENERAL", "members", list)), 201)
                    .get("committeeId").asText();
            meetingId = http.expect(http.post(chair, "/api/meetings", Map.of("committeeId", committee,
                    "title", "การประชุมทดสอบภาระ", "startsAt", Instant.now().plus(Duration.ofHours(1)).toString(),
                    "online", true)), 201).get("id").asText();
            topic = LiveMeetingPush.TOPIC + meetingId;
            JsonNode agenda = http.expect(http.post(chair, "/api/meetings/" + meetingId + "/agenda-items",
                    Map.of("section", 5, "title", "เรื่องเพื่อพิจารณา")), 200).get("agenda");
            itemId = agenda.get(0).get("itemId").asText();
            http.expect(http.post(chair, "/api/meetings/" + meetingId + "/open", Map.of()), 200);
            http.expect(http.post(chair, "/api/meetings/" + meetingId + "/join",
                    Map.of("password", DemoDirectory.PASSWORD)), 200);
            http.expect(http.post(chair, "/api/meetings/" + meetingId + "/agenda-items/" + itemId + "/start",
                    Map.of()), 200);
            System.out.printf(Locale.ROOT, "meeting %s open, item started%n", meetingId);
        }

        /** Each member: sign in, connect, subscribe (until the server has it), join with the password. */
        private void join() throws Exception {
            // Tomcat's client takes text messages of 8 kB at most by default (a browser has no such limit): the
            // PollOpened event names every eligible voter, about 40 kB for 1,000 members
            WebSocketContainer container = ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE);
            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
            stomp.setInboundMessageSizeLimit(MAX_MESSAGE);
            stomp.setMessageConverter(new SimpleMessageConverter());
            // a client that offers heart-beats (the default 10 s both ways) must send them, as a browser's does,
            // or the broker closes its idle connection
            ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
            heartbeats.setPoolSize(2);
            heartbeats.setThreadNamePrefix("bench-heartbeat-");
            heartbeats.setDaemon(true);
            heartbeats.initialize();
            stomp.setTaskScheduler(heartbeats);
            List<BenchMember> clients = clients();
            int n = clients.size();
            long[] login = new long[n];
            long[] subscribe = new long[n];
            long[] joinCall = new long[n];
            long[] ready = new long[n];
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(o.concurrency());
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                done.add(pool.submit(() -> {
                    BenchMember m = clients.get(k);
                    try {
                        long a = System.nanoTime();
                        m.http = http.login(m.username);
                        long b = System.nanoTime();
                        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
                        headers.add("Cookie", m.http.cookie());
                        m.stomp = stomp.connectAsync(wsUrl, headers, new StompHeaders(), m).get(60, TimeUnit.SECONDS);
                        m.stomp.subscribe(topic, m.topicHandler);
                        awaitSubscribed(m.username);
                        long c = System.nanoTime();
                        http.expect(http.post(m.http, "/api/meetings/" + meetingId + "/join",
                                Map.of("password", DemoDirectory.PASSWORD), true), 200);
                        long d = System.nanoTime();
                        login[k] = b - a;
                        subscribe[k] = c - b;
                        joinCall[k] = d - c;
                        ready[k] = d - a;
                    } catch (Exception e) {
                        failures.add(m.username + ": " + e);
                    }
                }));
            }
            finish(done, "joined", start);
            long wall = System.nanoTime() - start;
            pool.shutdown();
            problems.addAll(failures);
            report.add(String.format(Locale.ROOT, "%-58s %6s %9s %9s %9s", "joining (" + n + " members, "
                    + o.concurrency() + " at a time)", "n", "p50 ms", "p99 ms", "max ms"));
            report.add(row("sign in (POST /api/login, BCrypt)", login));
            report.add(row("connect STOMP + subscribe, until the server has it", subscribe));
            report.add(row("join (POST join, password re-entered: BCrypt)", joinCall));
            report.add(row("member ready (all three)", ready));
            report.add(String.format(Locale.ROOT, "%-58s %6d %9.1f s (%.1f members/s); failures: %d",
                    "all members joined, wall time", n, secs(wall), n / secs(wall), failures.size()));
            report.add("");
            System.out.printf(Locale.ROOT, "%d members joined in %.1f s (%d failures)%n", n, secs(wall),
                    failures.size());
        }

        private void awaitSubscribed(String username) throws InterruptedException {
            await(Duration.ofSeconds(60), "subscription of " + username, () -> {
                SimpUser user = users.getUser(username);
                return user != null && user.getSessions().stream().flatMap(s -> s.getSubscriptions().stream())
                        .anyMatch(s -> topic.equals(s.getDestination()));
            });
        }

        /**
         * A poll: opened, voted by every member, closed; then the baseline at the votes' rate. With {@code rate} 0
         * the votes go as fast as {@code --concurrency} callers can send them (closed loop: a vote waits for a
         * caller); otherwise each is sent at its own time, {@code rate} a second (open loop, as members who vote
         * over the poll's first minute or so), and its latency counts from that time.
         */
        private void poll(boolean secret, double paced) throws Exception {
            String label = (secret ? "secret" : "named") + (paced > 0
                    ? String.format(Locale.ROOT, " (paced at %.0f votes/s)", paced) : "");
            List<BenchMember> clients = clients();
            int n = clients.size();
            JsonNode opened = http.expect(http.post(chair, "/api/meetings/" + meetingId + "/polls", Map.of(
                    "itemId", itemId, "question", "ทดสอบภาระ: " + label, "options", OPTIONS, "secret", secret)), 200);
            String pollId = null;
            for (JsonNode p : opened.get("polls")) {
                if ("OPEN".equals(p.get("status").asText())) {
                    pollId = p.get("pollId").asText();
                }
            }
            long openedSeq = opened.get("seq").asLong();
            awaitAll("the PollOpened event", m -> m.lastSeq() >= openedSeq);

            long[] send = new long[n];
            long[] ack = new long[n];
            AtomicLong responseBytes = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(paced > 0 ? Math.max(256, o.concurrency())
                    : o.concurrency());
            String path = "/api/meetings/" + meetingId + "/polls/" + pollId + "/votes";
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                if (paced > 0) {
                    long due = start + (long) (k * 1e9 / paced);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    send[k] = due;
                }
                done.add(pool.submit(() -> {
                    BenchMember m = clients.get(k);
                    try {
                        if (paced <= 0) {
                            send[k] = System.nanoTime();
                        }
                        HttpResponse<byte[]> r = http.post(m.http, path, Map.of("choice", OPTIONS.get(k % OPTIONS.size())),
                                true);
                        ack[k] = System.nanoTime();
                        responseBytes.addAndGet(r.body().length);
                        http.expect(r, 200);
                    } catch (Exception e) {
                        ack[k] = 0;
                        failures.add(m.username + " vote: " + e);
                    }
                }));
            }
            finish(done, "voted (" + label + ")", start);
            long wall = System.nanoTime() - start;
            pool.shutdown();
            problems.addAll(failures);
            long closedSeq = http.expect(http.post(chair, "/api/meetings/" + meetingId + "/polls/" + pollId + "/close",
                    Map.of()), 200).get("seq").asLong();
            awaitAll("the PollClosed event", m -> m.lastSeq() >= closedSeq);

            // which seq is whose vote
            Map<String, Long> voteSeq = new HashMap<>();
            JsonNode sample = null;
            for (JsonNode e : events()) {
                String type = e.get("type").asText();
                if ((type.equals("VoteCast") || type.equals("BallotCast"))
                        && pollId.equals(e.get("payload").get("pollId").asText())) {
                    voteSeq.put(e.get("payload").get("voter").get("id").asText(), e.get("seq").asLong());
                    sample = e;
                }
            }
            Arrivals arrivals = new Arrivals(clients, false);
            List<Long> fromSend = new ArrayList<>();
            List<Long> fromAck = new ArrayList<>();
            List<Long> call = new ArrayList<>();
            int incomplete = 0;
            for (int k = 0; k < n; k++) {
                Long seq = voteSeq.get(clients.get(k).personId);
                if (ack[k] == 0 || seq == null) {
                    continue;
                }
                call.add(ack[k] - send[k]);
                long last = arrivals.lastArrival(seq);
                if (last < 0) {
                    incomplete++;
                    continue;
                }
                fromSend.add(last - send[k]);
                fromAck.add(last - ack[k]);
            }

            // the baseline: the same number of like messages straight to the broker, at the votes' rate
            double rate = n / secs(wall);
            long[] benchSend = baseline(sample, n, rate);
            Arrivals bench = new Arrivals(clients, true);
            List<Long> benchLatency = new ArrayList<>();
            int benchIncomplete = 0;
            long base = benchSends.stream().mapToLong(b -> b.length).sum() - n;
            for (int k = 0; k < n; k++) {
                long last = bench.lastArrival(base + k);
                if (last < 0) {
                    benchIncomplete++;
                } else {
                    benchLatency.add(last - benchSend[k]);
                }
            }

            report.add(String.format(Locale.ROOT, "%-58s %6s %9s %9s %9s", label + " poll: " + n + " votes"
                    + (paced > 0 ? "" : ", " + o.concurrency() + " at a time"), "n", "p50 ms", "p99 ms", "max ms"));
            report.add(row("vote HTTP round trip (POST votes → 200)", call));
            report.add(row("vote → every client, from the vote's send", fromSend));
            report.add(row("vote → every client, from the vote's 200", fromAck));
            report.add(row("baseline: plain STOMP message → every client", benchLatency));
            report.add(String.format(Locale.ROOT, "%-58s %6s %9.2f %9.2f", "ratio: vote (from send) / baseline", "",
                    ratio(fromSend, benchLatency, 50), ratio(fromSend, benchLatency, 99)));
            report.add(String.format(Locale.ROOT, "%-58s %6s %9.2f %9.2f", "ratio: vote (from 200) / baseline", "",
                    ratio(fromAck, benchLatency, 50), ratio(fromAck, benchLatency, 99)));
            report.add(String.format(Locale.ROOT, "%-58s %.1f s, %.1f votes/s; %d failed; %d not at every client;"
                            + " mean vote response %.0f kB",
                    "votes wall time", secs(wall), rate, failures.size(), incomplete,
                    responseBytes.get() / 1024.0 / Math.max(1, n - failures.size())));
            report.add(String.format(Locale.ROOT, "%-58s %d messages at %.1f/s; %d not at every client",
                    "baseline", n, rate, benchIncomplete));
            report.add("");
            System.out.printf(Locale.ROOT, "%s poll: %d votes in %.1f s%n", label, n, secs(wall));
        }

        /** Sends {@code n} copies of a vote's entry to the topic through the broker, open-loop at {@code rate}/s. */
        private long[] baseline(JsonNode sample, int n, double rate) throws Exception {
            SimpMessagingTemplate broker = ctx.getBean("brokerMessagingTemplate", SimpMessagingTemplate.class);
            long first = benchSends.stream().mapToLong(b -> b.length).sum();
            long[] sent = new long[n];
            long start = System.nanoTime();
            long interval = (long) (1e9 / rate);
            for (int k = 0; k < n; k++) {
                long due = start + k * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("bench", first + k);
                message.put("meetingId", meetingId);
                message.put("type", sample == null ? "VoteCast" : sample.get("type").asText());
                message.put("payload", sample == null ? Map.of() : JSON.convertValue(sample.get("payload"), Map.class));
                message.put("at", Instant.now().toString());
                sent[k] = System.nanoTime();
                broker.convertAndSend(topic, message);
            }
            benchSends.add(sent);
            long last = first + n - 1;
            awaitAll("the baseline messages", m -> m.lastBench() >= last);
            return sent;
        }

        /**
         * Every client must have received every event of the meeting from its first one to the last, exactly once
         * and in order, and its own joining (it subscribed before joining); and every baseline message, in order.
         */
        private void lossReport() throws Exception {
            List<JsonNode> log = events();
            long[] all = log.stream().mapToLong(e -> e.get("seq").asLong()).toArray();
            Map<String, Long> ownJoin = new HashMap<>();
            for (JsonNode e : log) {
                if (e.get("type").asText().equals("ParticipantIdentityVerified")) {
                    ownJoin.put(e.get("payload").get("person").get("id").asText(), e.get("seq").asLong());
                }
            }
            long finalSeq = all[all.length - 1];
            long lost = 0;
            long duplicated = 0;
            long reordered = 0;
            long unknown = 0;
            long missedOwnJoin = 0;
            long received = 0;
            long benchLost = 0;
            long benchDup = 0;
            long benchReordered = 0;
            long benchTotal = benchSends.stream().mapToLong(b -> b.length).sum();
            int errors = 0;
            for (BenchMember m : clients()) {
                if (m.error() != null) {
                    errors++;
                    problems.add(m.username + ": " + m.error());
                }
                long[] r = m.seqs();
                received += r.length;
                if (r.length == 0) {
                    lost += all.length;
                    continue;
                }
                for (int i = 1; i < r.length; i++) {
                    if (r[i] < r[i - 1]) {
                        reordered++;
                    }
                }
                long[] sorted = r.clone();
                Arrays.sort(sorted);
                long distinct = Arrays.stream(sorted).distinct().count();
                duplicated += r.length - distinct;
                long first = sorted[0];
                for (long s : all) {
                    if (s >= first && s <= finalSeq && Arrays.binarySearch(sorted, s) < 0) {
                        lost++;
                    }
                }
                for (long s : sorted) {
                    if (Arrays.binarySearch(all, s) < 0) {
                        unknown++;
                    }
                }
                Long join = ownJoin.get(m.personId);
                if (join == null || first > join) {
                    missedOwnJoin++;
                }
                long[] b = m.benches();
                long[] bs = b.clone();
                Arrays.sort(bs);
                long bDistinct = Arrays.stream(bs).distinct().count();
                benchDup += b.length - bDistinct;
                benchLost += benchTotal - bDistinct;
                for (int i = 1; i < b.length; i++) {
                    if (b[i] < b[i - 1]) {
                        benchReordered++;
                    }
                }
            }
            report.add(String.format(Locale.ROOT, "delivery over the whole run (%d meeting events, %d clients, %d"
                    + " frames received)", all.length, clients().size(), received));
            report.add(String.format(Locale.ROOT, "  meeting events: lost %d, duplicated %d, out of order %d,"
                    + " unknown seq %d; clients that missed their own joining %d; client errors %d",
                    lost, duplicated, reordered, unknown, missedOwnJoin, errors));
            report.add(String.format(Locale.ROOT, "  baseline messages: lost %d, duplicated %d, out of order %d",
                    benchLost, benchDup, benchReordered));
            report.add(String.format(Locale.ROOT, "MESSAGES LOST: %d", lost + benchLost));
        }

        private List<JsonNode> events() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            http.expect(http.get(chair, "/api/meetings/" + meetingId + "/events?after=0"), 200).get("events")
                    .forEach(out::add);
            return out;
        }

        private void awaitAll(String what, java.util.function.Predicate<BenchMember> condition)
                throws InterruptedException {
            try {
                await(SETTLE, what + " at every client", () -> clients().stream().allMatch(condition));
            } catch (IllegalStateException e) {
                List<BenchMember> waiting = clients().stream().filter(condition.negate()).toList();
                String why = waiting.stream().filter(m -> m.error() != null).findFirst()
                        .map(m -> m.username + ": " + m.error()).orElse("no client error");
                long disconnected = waiting.stream().filter(m -> m.stomp == null || !m.stomp.isConnected()).count();
                String problem = e.getMessage() + ": " + waiting.size() + " clients still waiting, " + disconnected
                        + " of them disconnected; " + why;
                problems.add(problem);
                System.out.println(problem);
            }
        }
    }

    /** The arrival times of each seq (or baseline number) at every client, for looking up the last one. */
    static final class Arrivals {
        private final List<long[]> keys = new ArrayList<>();
        private final List<long[]> times = new ArrayList<>();

        Arrivals(List<BenchMember> clients, boolean bench) {
            for (BenchMember m : clients) {
                long[] k = bench ? m.benches() : m.seqs();
                long[] t = bench ? m.benchArrivals() : m.seqArrivals();
                Integer[] order = new Integer[k.length];
                for (int i = 0; i < k.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Long.compare(k[a], k[b]));
                long[] sk = new long[k.length];
                long[] st = new long[k.length];
                for (int i = 0; i < k.length; i++) {
                    sk[i] = k[order[i]];
                    st[i] = t[order[i]];
                }
                keys.add(sk);
                times.add(st);
            }
        }

        /** When the last client received {@code key}, or -1 if some client never did. */
        long lastArrival(long key) {
            long last = -1;
            for (int c = 0; c < keys.size(); c++) {
                int i = Arrays.binarySearch(keys.get(c), key);
                if (i < 0) {
                    return -1;
                }
                last = Math.max(last, times.get(c)[i]);
            }
            return last;
        }
    }

    /** HTTP as the browser does it: a session cookie from {@code POST /api/login} and the CSRF token. */
    static final class Http {
        record Session(String cookie, String xsrf) {
        }

        private final String base;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        Http(String base) {
            this.base = base;
        }

        Session login(String username) throws Exception {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(DemoDirectory.PASSWORD, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("login of " + username + ": HTTP " + r.statusCode());
            }
            String session = cookie(r, "JSESSIONID");
            String xsrf = cookie(r, "XSRF-TOKEN");
            if (xsrf == null) { // the token is written by the first request after signing in
                HttpResponse<byte[]> me = client.send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                        .header("Cookie", "JSESSIONID=" + session).timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                xsrf = cookie(me, "XSRF-TOKEN");
            }
            if (session == null || xsrf == null) {
                throw new IllegalStateException("no session or CSRF cookie for " + username);
            }
            return new Session("JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf, xsrf);
        }

        private static String cookie(HttpResponse<?> r, String name) {
            String value = null;
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith(name + "=")) {
                    String v = c.substring(name.length() + 1).split(";", 2)[0];
                    if (!v.isEmpty()) {
                        value = v;
                    }
                }
            }
            return value;
        }

        HttpResponse<byte[]> post(Session s, String path, Object body) throws Exception {
            return post(s, path, body, false);
        }

        /** With {@code minimal}, asks for {@code {id, seq}} instead of the live state, as the browser does for votes and joins. */
        HttpResponse<byte[]> post(Session s, String path, Object body, boolean minimal) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (minimal) {
                request.header("Prefer", "return=minimal");
            }
            return client.send(request
                    .header("Cookie", s.cookie()).header("X-XSRF-TOKEN", s.xsrf())
                    .header("Content-Type", "application/json").header("User-Agent", "saraban-load-harness")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> get(Session s, String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", s.cookie())
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        JsonNode expect(HttpResponse<byte[]> r, int status) throws Exception {
            if (r.statusCode() != status) {
                throw new IllegalStateException(r.request().method() + " " + r.request().uri().getPath() + ": HTTP "
                        + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(r.body());
        }
    }

    // ------------------------------------------------------------------ figures

    /** Waits for every task, saying every 15 s how many are done. */
    static void finish(List<Future<?>> tasks, String what, long start) throws Exception {
        long next = System.nanoTime() + 15_000_000_000L;
        for (Future<?> f : tasks) {
            while (true) {
                try {
                    f.get(1, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > next) {
                        next += 15_000_000_000L;
                        System.out.printf(Locale.ROOT, "  %d of %d %s after %.0f s%n",
                                tasks.stream().filter(Future::isDone).count(), tasks.size(), what,
                                secs(System.nanoTime() - start));
                    }
                }
            }
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    static String row(String name, long[] nanos) {
        List<Long> l = new ArrayList<>();
        for (long x : nanos) {
            if (x > 0) {
                l.add(x);
            }
        }
        return row(name, l);
    }

    static String row(String name, List<Long> nanos) {
        return String.format(Locale.ROOT, "%-58s %6d %9.1f %9.1f %9.1f", name, nanos.size(), ms(pct(nanos, 50)),
                ms(pct(nanos, 99)), ms(pct(nanos, 100)));
    }

    /** The nearest-rank percentile. */
    static long pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] s = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static double ratio(List<Long> measured, List<Long> baseline, double p) {
        long b = pct(baseline, p);
        return b == 0 ? Double.NaN : (double) pct(measured, p) / b;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static double secs(long nanos) {
        return nanos / 1e9;
    }
}
