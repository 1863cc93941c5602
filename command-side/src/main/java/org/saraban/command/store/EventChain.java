package org.saraban.command.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;

/**
 * The hash chain over the event log (DESIGN.md §4): each stored event carries {@code prevHash}, the hash of the
 * event stored before it in global order, and {@code hash} = SHA-256(prevHash ‖ the event's canonical bytes).
 * Changing, removing or reordering a stored event breaks the chain at that event; rewriting every hash after it
 * is caught by the signed checkpoints.
 * <p>
 * The canonical bytes are every stored field that says what happened, in a fixed order, each length-prefixed
 * (UTF-8, or -1 for null), so no two different events encode alike.
 */
public final class EventChain {

    /** The {@code prevHash} of the first event. */
    public static final String GENESIS = "0".repeat(64);
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";

    static final List<String> FIELDS = List.of("_id", "aggregateIdentifier", "sequenceNumber", "type",
            "eventIdentifier", "timestamp", "payloadType", "payloadRevision", "payload", "metaData", "appendedAt");

    private EventChain() {
    }

    /** The hash of a stored event (its {@code prevHash} included), as it must read if untouched. */
    public static String hash(Document stored) {
        return hash(stored.getString(PREV_HASH), stored);
    }

    static String hash(String prevHash, Document stored) {
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(prevHash));
        sha.update(canonical(stored));
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] canonical(Document stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String field : FIELDS) {
            Object value = stored.get(field);
            String text = value == null ? null
                    : value instanceof Date date ? Long.toString(date.getTime()) : value.toString();
            write(out, field.getBytes(StandardCharsets.UTF_8));
            write(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes == null ? -1 : bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
