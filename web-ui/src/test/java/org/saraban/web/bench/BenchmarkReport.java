package org.saraban.web.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.saraban.web.directory.DemoDirectory;

/**
 * The benchmark harness's one command (issue 7, item 1): runs every figure, each with the baseline measured in the
 * same run, and prints a report with the headline figures against their goals at the end.
 * <pre>
 * ./mvnw -B -q -Pbench -DskipTests verify
 * </pre>
 * The signing module's {@code bench} profile runs its render and signing benchmarks first (their lines go to
 * {@code signing/target/bench/}); this then runs, each in a JVM of its own so one cannot warm or fill the heap of
 * another: {@link StoreBenchmark} (append efficiency, projection lag, replay, growth), the cold start and resident
 * memory of the packaged jar next to a bare JVM's, and {@link MeetingLoadBenchmark} (vote fan-out to 1,000
 * WebSocket clients next to the plain broker's). Options, after {@code -Dbench.args=}: {@code --quick} (fewer
 * events, 200 members, shorter measures: a check that the harness runs, not figures), {@code --levels L1,L2,...}
 * (stored-event levels of the growth table; 10,000 to 1,000,000 by default), {@code --members N},
 * {@code --skip store,start,meetings}. The report is also written to {@code web-ui/target/bench/report.txt}.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String levels = "10000,100000,1000000";
        int members = 1000;
        List<String> skip = new ArrayList<>();
        Path target = Path.of("target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--levels" -> levels = args[++i];
                case "--members" -> members = Integer.parseInt(args[++i]);
                case "--skip" -> skip.addAll(List.of(args[++i].split(",")));
                case "--target" -> target = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--quick, --levels L1,L2, --members N, --skip store,start,meetings, --target DIR)");
            }
        }
        if (quick) {
            levels = args.length > 0 && List.of(args).contains("--levels") ? levels : "3000";
            members = List.of(args).contains("--members") ? members : 200;
        }
        Path out = target.resolve("bench");
        Files.createDirectories(out);
        String classpath = classpath();
        Map<String, String> headline = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Saraban benchmark report, %s; %d cores, %s, max heap of the children "
                + "set per part%n", ZonedDateTime.now(), Runtime.getRuntime().availableProcessors(), Runtime.version()));

        // ------------------------------------------------------------------ signing (run by the signing module)
        Path signing = target.toAbsolutePath().getParent().getParent().resolve("signing/target/bench");
        for (String name : List.of("render.txt", "sign.txt")) {
            Path f = signing.resolve(name);
            if (Files.exists(f)) {
                report.append("\n== ").append(name.startsWith("render") ? "render" : "signing").append(" (signing module) ==\n")
                        .append(Files.readString(f));
            }
        }

        // ------------------------------------------------------------------ store
        if (!skip.contains("store")) {
            Path figures = out.resolve("store.properties");
            Files.deleteIfExists(figures);
            List<String> storeArgs = new ArrayList<>(List.of("--out", figures.toString(), "--levels", levels));
            if (quick) {
                storeArgs.addAll(List.of("--seconds", "6", "--clients", "4"));
            }
            section("store: append, projection lag, replay, growth");
            run(classpath, "-Xmx8g", StoreBenchmark.class, storeArgs, report);
            if (Files.exists(figures)) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(figures)) {
                    p.load(in);
                }
                headline.put("append efficiency (letter commands/s over raw driver inserts/s, same server)",
                        String.format("%s  (%s/s vs %s/s; goal >= 0.5)", p.get("append.efficiency"),
                                p.get("append.commandsPerSecond"), p.get("append.rawInsertsPerSecond")));
                headline.put("  of which the event store: engine appends/s (one event, chained, group commit) / raw",
                        String.format("%s  (%s/s)", p.get("append.engineEfficiency"), p.get("append.engineAppendsPerSecond")));
                headline.put("projection lag p50 / p99 under that load",
                        String.format("%s / %s ms  (command p50 / p99 %s / %s ms; lag p99 / command p99 %s, goal <= 2)",
                                p.get("lag.p50ms"), p.get("lag.p99ms"), p.get("command.p50ms"), p.get("command.p99ms"),
                                p.get("lag.ratio")));
                headline.put("replay: every read model rebuilt, over the raw read of the event collection",
                        String.format("%s  (%s vs %s events/s over %s events; goal >= 0.5)", p.get("replay.ratio"),
                                p.get("replay.rebuildPerSecond"), p.get("replay.rawReadPerSecond"), p.get("replay.events")));
                for (String level : levels.split(",")) {
                    if (p.get("growth." + level + ".stored") != null) {
                        headline.put("at " + String.format(Locale.ROOT, "%,d", Long.parseLong(level))
                                        + " events: append | open | outbox | search | open while searching p50/p99 ms",
                                p.get("growth." + level + ".append") + " | " + p.get("growth." + level + ".open") + " | "
                                        + p.get("growth." + level + ".outbox") + " | " + p.get("growth." + level + ".search")
                                        + " | " + p.get("growth." + level + ".openWhileSearching"));
                    }
                }
            }
        }

        // ------------------------------------------------------------------ cold start and memory
        if (!skip.contains("start")) {
            section("cold start and resident memory");
            Path jar = target.resolve("saraban.jar");
            StringBuilder part = new StringBuilder();
            if (!Files.exists(jar)) {
                part.append("no ").append(jar).append(": build the jar first (the report's command does)\n");
            } else {
                Start bare = startBareJvm(classpath);
                Start app = startApp(jar, quick ? 8 : 20);
                part.append(String.format(Locale.ROOT, "bare JVM (a main that only prints): ready in %,d ms, %,d MB resident%n",
                        bare.readyMillis(), bare.idleRssKb() / 1024));
                part.append(String.format(Locale.ROOT, "saraban.jar on a new embedded store: ready in %,d ms (%.1f x the bare"
                        + " JVM); %,d MB resident idle, %,d MB at most under %d letter commands/s for %d s%n",
                        app.readyMillis(), (double) app.readyMillis() / bare.readyMillis(), app.idleRssKb() / 1024,
                        app.loadRssKb() / 1024, app.loadRate(), quick ? 8 : 20));
                headline.put("cold start (jar, new embedded store, until /actuator/health is UP)",
                        String.format(Locale.ROOT, "%.1f s  (bare JVM %.2f s)", app.readyMillis() / 1000.0,
                                bare.readyMillis() / 1000.0));
                headline.put("resident memory idle / under load",
                        String.format(Locale.ROOT, "%,d / %,d MB  (bare JVM %,d MB)", app.idleRssKb() / 1024,
                                app.loadRssKb() / 1024, bare.idleRssKb() / 1024));
            }
            System.out.print(part);
            report.append("\n== cold start and resident memory ==\n").append(part);
        }

        // ------------------------------------------------------------------ meetings
        if (!skip.contains("meetings")) {
            section("meetings: vote fan-out to " + members + " WebSocket clients");
            List<String> lines = run(classpath, "-Xmx8g", MeetingLoadBenchmark.class,
                    List.of("--members", Integer.toString(members), "--rates", "20", "--polls", "named,secret"), report);
            String poll = null;
            for (String line : lines) {
                if (line.contains(" poll: ") && line.contains(" votes")) {
                    poll = line.substring(0, line.indexOf(" poll: ")).trim() + (line.contains(" at a time") ? " (burst)" : "");
                }
                if (poll != null && (line.startsWith("vote → every client, from the vote's send")
                        || line.startsWith("baseline: plain STOMP message → every client"))) {
                    String[] cells = line.trim().split("\\s+"); // ... n, p50, p99, max
                    String p99 = cells[cells.length - 2];
                    headline.merge("fan-out p99 to " + members + " clients, " + poll,
                            (line.startsWith("baseline") ? "plain broker " : "vote ") + p99 + " ms", (a, b) -> a + ", " + b);
                }
            }
        }

        // ------------------------------------------------------------------ signing headline
        Path sign = signing.resolve("sign.txt");
        if (Files.exists(sign)) {
            for (String line : Files.readAllLines(sign)) {
                if (line.startsWith("RSA") || line.startsWith("EC") || line.startsWith("verifications")) {
                    String key = line.startsWith("verifications") ? line.substring(0, line.indexOf(':')) : line.split("\\s+")[0];
                    headline.put("signing: " + key, line.trim().replaceAll("\\s{2,}", "  "));
                }
            }
        }
        Path render = signing.resolve("render.txt");
        if (Files.exists(render)) {
            for (String line : Files.readAllLines(render)) {
                if (line.contains("pages/s")) {
                    headline.put("render: " + line.substring(0, Math.min(40, line.length())).trim(),
                            line.substring(line.lastIndexOf("  ")).trim());
                }
            }
        }

        StringBuilder head = new StringBuilder("\n== headline ==\n");
        headline.forEach((k, v) -> head.append(String.format(Locale.ROOT, "%-82s %s%n", k, v)));
        if (Files.exists(sign)) {
            head.append("(signing columns: key, raw CMS/s, PAdES-B-T/s, B-T/CMS, PAdES-B-B/s, B-B/CMS, raw CMS+TST/s, "
                    + "B-T/that)\n");
        }
        System.out.print(head);
        report.append(head);
        Files.writeString(out.resolve("report.txt"), report.toString());
        System.out.println("\nreport written to " + out.resolve("report.txt").toAbsolutePath());
    }

    static void section(String title) {
        System.out.println("\n######## " + title);
    }

    /** Runs {@code main} of {@code type} in a JVM of its own on this classpath; its output is echoed and returned. */
    static List<String> run(String classpath, String heap, Class<?> type, List<String> args, StringBuilder report)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), heap, "-Daxoniq.update-checker.disabled=true",
                "-Dlogback.configurationFile=" + logback(), "-cp", classpath, type.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println(line);
                lines.add(line);
            }
        }
        int exit = p.waitFor();
        report.append("\n== ").append(type.getSimpleName()).append(" ==\n");
        lines.forEach(l -> report.append(l).append('\n'));
        if (exit != 0) {
            String failed = type.getSimpleName() + " exited with " + exit + "\n";
            System.out.print(failed);
            report.append(failed);
        }
        return lines;
    }

    /** A logging set-up that keeps the children's output to warnings and the harness's own lines. */
    static String logback() throws IOException {
        Path f = Files.createTempFile("saraban-bench-logback", ".xml");
        Files.writeString(f, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss} %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="ERROR"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        f.toFile().deleteOnExit();
        return f.toString();
    }

    record Start(long readyMillis, long idleRssKb, long loadRssKb, long loadRate) {
    }

    /** A JVM that only starts, prints and waits: the floor under any Java server's start and memory. */
    static Start startBareJvm(String classpath) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-cp", classpath, Idle.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            r.readLine();
            long ready = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(2_000);
            return new Start(ready, rssKb(p.pid()), 0, 0);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    /**
     * The packaged jar as an operator starts it (no JVM options), on a new embedded store: the time until its
     * health answers UP, its resident memory after ten idle seconds, and the most it holds while {@code 8} clerks
     * draft letters for {@code seconds}.
     */
    static Start startApp(Path jar, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("saraban-bench-start");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                "--server.port=" + port, "--saraban.embedded.data-dir=" + dir, "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            long ready = -1;
            String auth = "Basic " + Base64.getEncoder().encodeToString(("dga.clerk:" + DemoDirectory.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            while (ready < 0) {
                if (!p.isAlive() || System.nanoTime() - t0 > Duration.ofMinutes(3).toNanos()) {
                    throw new IllegalStateException("the jar did not start; see " + dir.resolve("server.log"));
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .header("Authorization", auth).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        ready = (System.nanoTime() - t0) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (ready < 0) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(10_000);
            long idle = rssKb(p.pid());

            MeetingLoadBenchmark.Http client = new MeetingLoadBenchmark.Http(base);
            List<MeetingLoadBenchmark.Http.Session> sessions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sessions.add(client.login("dga.officer"));
            }
            String director = DemoDirectory.personId("dga.director");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
            List<Future<?>> tasks = new ArrayList<>();
            for (MeetingLoadBenchmark.Http.Session s : sessions) {
                tasks.add(pool.submit(() -> {
                    while (!stop.get()) {
                        HttpResponse<byte[]> r = client.post(s, "/api/letters", Map.of("kind", "EXTERNAL",
                                "subject", "ทดสอบหน่วยความจำ", "salutation", "เรียน",
                                "to", List.of(Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี")),
                                "body", List.of("ข้อความทดสอบ"), "closing", "ขอแสดงความนับถือ", "signatory", director,
                                "ownerUnit", Map.of("name", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ")));
                        if (r.statusCode() == 201) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long peak = 0;
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                peak = Math.max(peak, rssKb(p.pid()));
                Thread.sleep(250);
            }
            stop.set(true);
            for (Future<?> f : tasks) {
                f.get();
            }
            pool.shutdown();
            return new Start(ready, idle, peak, done.get() / seconds);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's classpath: under {@code exec:java} the project's classes and dependencies are in the plugin's class
     * loader, not in {@code java.class.path}.
     */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        // only the loader of this class: its parents are Maven's own
        if (BenchmarkReport.class.getClassLoader() instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (Exception e) {
                    entries.add(url.getPath());
                }
            }
        }
        if (entries.isEmpty()) {
            return System.getProperty("java.class.path");
        }
        return entries.stream().distinct().collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The bare JVM of the start-up baseline. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("ready");
            Thread.sleep(60_000);
        }
    }
}
