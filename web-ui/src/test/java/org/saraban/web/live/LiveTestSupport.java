package org.saraban.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.saraban.web.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real server on a random port and Java STOMP clients that sign in as demo people, collect what their
 * subscriptions receive and the ERROR frames they get. The store settings are the MockMvc tests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"saraban.embedded.in-memory=true", "saraban.demo=true"})
public abstract class LiveTestSupport extends WebTestSupport {

    protected static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    protected int port;
    @Autowired
    protected SimpUserRegistry users;

    private final List<Client> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    /** Waits until {@code username} is subscribed to {@code destination} in some session. */
    protected void awaitSubscribed(String username, String destination) {
        Awaitility.await().atMost(WAIT).until(() -> {
            SimpUser user = users.getUser(username);
            return user != null && user.getSessions().stream().flatMap(s -> s.getSubscriptions().stream())
                    .anyMatch(s -> destination.equals(s.getDestination()));
        });
    }

    /** Signs in with {@code POST /api/login} and returns handshake headers carrying the session cookie. */
    protected WebSocketHttpHeaders sessionCookie(String username) throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(204);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Cookie", cookie);
        return headers;
    }

    protected static WebSocketHttpHeaders basic(String username) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    protected Client connect(WebSocketHttpHeaders headers) throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new SimpleMessageConverter()); // raw bytes: JSON is parsed here
        Client client = new Client();
        client.session = stomp.connectAsync("ws://localhost:" + port + "/ws", headers, new StompHeaders(), client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    /** A STOMP connection that collects the notices of its subscriptions and the ERROR frames it gets. */
    protected class Client extends StompSessionHandlerAdapter {

        final BlockingQueue<JsonNode> notices = new LinkedBlockingQueue<>();
        final List<JsonNode> seen = new ArrayList<>();
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        StompSession session;

        void subscribe(String destination) {
            session.subscribe(destination, new StompSessionHandlerAdapter() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    try {
                        notices.add(json.readTree((byte[]) payload));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        /** Waits for the first notice matching {@code wanted}, keeping every notice seen. */
        JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (JsonNode n : seen) {
                if (wanted.test(n)) {
                    return n;
                }
            }
            while (System.nanoTime() < deadline) {
                JsonNode n = notices.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (n == null) {
                    break;
                }
                seen.add(n);
                if (wanted.test(n)) {
                    return n;
                }
            }
            throw new AssertionError("no such notice within " + WAIT + "; received " + seen);
        }

        /**
         * The server ends the connection; the ERROR frame it sends first says why. The frame and the close
         * race on the wire, so a client may see only the close: what arrives must be that ERROR.
         */
        void awaitRefusal(String expected) {
            Awaitility.await().atMost(WAIT).until(() -> !session.isConnected());
            assertThat(errors).as("what the refused client was told").allMatch(expected::equals);
        }

        /** Every notice received so far. */
        List<JsonNode> received() {
            notices.drainTo(seen);
            return List.copyOf(seen);
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            errors.add("exception: " + exception);
        }

        void close() {
            if (session != null && session.isConnected()) {
                session.disconnect();
            }
        }
    }
}
