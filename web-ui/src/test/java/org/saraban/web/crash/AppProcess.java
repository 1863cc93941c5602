package org.saraban.web.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Saraban server as a separate JVM on the embedded store, so a test can kill it with SIGKILL
 * ({@link Process#destroyForcibly()}) exactly as {@code kill -9} would, and start it again on the same files.
 */
public final class AppProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int mongoPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private final List<String> extraArgs;
    private Duration requestTimeout = Duration.ofSeconds(30);
    /** Set by {@link #kill()} and {@link #stop()}: a refused connection after them is expected. */
    private volatile boolean stoppedByTest;

    /** How long a request may take before the client gives up (30 s unless set). */
    public AppProcess requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    public AppProcess(Path dataDir, Path log) throws IOException {
        this(dataDir, log, List.of());
    }

    /** With {@code extraArgs} after the usual ones, e.g. a MongoDB URI instead of the embedded store. */
    public AppProcess(Path dataDir, Path log, List<String> extraArgs) throws IOException {
        this.extraArgs = List.copyOf(extraArgs);
        this.dataDir = dataDir;
        this.log = log;
        this.httpPort = freePort();
        this.mongoPort = freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public void start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                "org.saraban.web.SarabanApplication",
                "--server.port=" + httpPort,
                "--saraban.embedded.data-dir=" + dataDir,
                "--saraban.embedded.port=" + mongoPort,
                "--logging.level.root=WARN"));
        cmd.addAll(extraArgs);
        stoppedByTest = false;
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(exited());
            }
            try {
                HttpResponse<String> r = get("dga.clerk", "/api/me");
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server did not start; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    public void kill() throws InterruptedException {
        stoppedByTest = true;
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the orderly shutdown an operator's restart does. */
    public void stop() throws InterruptedException {
        stoppedByTest = true;
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not stop; see " + log);
        }
    }

    /** The HTTP port, also the STOMP endpoint's ({@code ws://127.0.0.1:port/ws}). */
    public int httpPort() {
        return httpPort;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).GET().build());
    }

    public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json, StandardCharsets.UTF_8)).build());
    }

    /**
     * A refused connection to a server this test did not kill says nothing by itself: if the process is gone,
     * the failure carries its exit code and the end of its log.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            if (process != null && !stoppedByTest && !process.isAlive()) {
                throw new IllegalStateException(exited(), e);
            }
            throw e;
        }
    }

    /** The exit code of the server that is gone, and the end of its log. */
    private String exited() throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log);
        return "server exited with " + process.exitValue() + "; the end of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private HttpRequest.Builder request(String user, String path) {
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(requestTimeout).header("Authorization", "Basic " + auth);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
