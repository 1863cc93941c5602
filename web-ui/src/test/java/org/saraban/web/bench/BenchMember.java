package org.saraban.web.bench;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/**
 * One simulated member: its HTTP session and its STOMP connection, and what its subscription to the meeting's
 * topic received, in arrival order, with the arrival time. A meeting event is recorded by its {@code seq}, a
 * baseline message (sent straight to the broker by the harness) by its {@code bench} number. The JSON is not
 * parsed: the first number after the first key is all the harness needs, and a thousand clients share two cores
 * with the server.
 */
final class BenchMember extends StompSessionHandlerAdapter {

    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BENCH = "{\"bench\":".getBytes(StandardCharsets.US_ASCII);

    final String username;
    final String personId;
    MeetingLoadBenchmark.Http.Session http;
    StompSession stomp;

    private long[] seqs = new long[1024];
    private long[] seqAt = new long[1024];
    private int seqCount;
    private long[] benches = new long[1024];
    private long[] benchAt = new long[1024];
    private int benchCount;
    private volatile long lastSeq = -1;
    private volatile long lastBench = -1;
    private volatile int benchReceived;
    private volatile String error;

    BenchMember(String username, String personId) {
        this.username = username;
        this.personId = personId;
    }

    /** The topic's frames: recorded, never parsed beyond the first number. */
    final StompSessionHandlerAdapter topicHandler = new StompSessionHandlerAdapter() {
        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            received((byte[]) payload, System.nanoTime());
        }
    };

    private synchronized void received(byte[] json, long at) {
        if (startsWith(json, BENCH)) {
            long n = number(json, BENCH.length);
            if (benchCount == benches.length) {
                benches = Arrays.copyOf(benches, benchCount * 2);
                benchAt = Arrays.copyOf(benchAt, benchCount * 2);
            }
            benches[benchCount] = n;
            benchAt[benchCount++] = at;
            lastBench = n;
            benchReceived = benchCount;
            return;
        }
        int i = indexOf(json, SEQ);
        if (i < 0) {
            error = "a frame without seq: " + new String(json, StandardCharsets.UTF_8);
            return;
        }
        long seq = number(json, i + SEQ.length);
        if (seqCount == seqs.length) {
            seqs = Arrays.copyOf(seqs, seqCount * 2);
            seqAt = Arrays.copyOf(seqAt, seqCount * 2);
        }
        seqs[seqCount] = seq;
        seqAt[seqCount++] = at;
        lastSeq = Math.max(lastSeq, seq);
    }

    long lastSeq() {
        return lastSeq;
    }

    long lastBench() {
        return lastBench;
    }

    int benchReceived() {
        return benchReceived;
    }

    String error() {
        return error;
    }

    /** The seqs received, in arrival order. */
    synchronized long[] seqs() {
        return Arrays.copyOf(seqs, seqCount);
    }

    synchronized long[] seqArrivals() {
        return Arrays.copyOf(seqAt, seqCount);
    }

    synchronized long[] benches() {
        return Arrays.copyOf(benches, benchCount);
    }

    synchronized long[] benchArrivals() {
        return Arrays.copyOf(benchAt, benchCount);
    }

    @Override
    public Type getPayloadType(StompHeaders headers) {
        return byte[].class;
    }

    @Override
    public void handleFrame(StompHeaders headers, Object payload) {
        error = "ERROR frame: " + headers.getFirst("message");
    }

    @Override
    public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                Throwable exception) {
        error = "exception: " + exception;
    }

    @Override
    public void handleTransportError(StompSession session, Throwable exception) {
        error = "transport error: " + exception;
    }

    void close() {
        if (stomp != null && stomp.isConnected()) {
            stomp.disconnect();
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] p) {
        outer:
        for (int i = 0; i + p.length <= b.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (b[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long number(byte[] b, int from) {
        long n = 0;
        for (int i = from; i < b.length && b[i] >= '0' && b[i] <= '9'; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }
}
