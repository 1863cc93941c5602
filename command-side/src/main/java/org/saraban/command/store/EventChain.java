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
 * event stored before it in global order, and {@code hash} = SHA-256(prevHash ‖ SHA-256(the event's canonical
 * bytes)). Hashing the content first lets a proof of the chain between two points carry 32 bytes per event
 * instead of the events (the archive bundle's {@code chain.json}).
 * Changing, removing or reordering a stored event breaks the chain at that event; rewriting every hash after it
 * is caught by the signed checkpoints.
 * <p>
 * The canonical bytes are every stored field that says what happened ({@link #fields}), in a fixed order: for
 * each, its name and then its value as text (a date as epoch milliseconds), each as a 4-byte big-endian length
 * and its UTF-8 bytes (length -1 and no bytes for null), so no two different events encode alike. The offline
 * verifier ({@code org.saraban.signing.bundle.BundleVerifier}) computes the same from the pairs.
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
        sha.update(sha256().digest(canonical(stored)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 of the event's canonical bytes, hex: what a proof of the chain carries for an event. */
    public static String contentSha256(Document stored) {
        return HexFormat.of().formatHex(sha256().digest(canonical(stored)));
    }

    /** The canonical fields as (name, value as text or null) pairs, in their order. */
    public static List<String[]> fields(Document stored) {
        List<String[]> out = new java.util.ArrayList<>(FIELDS.size());
        for (String field : FIELDS) {
            Object value = stored.get(field);
            out.add(new String[] {field, value == null ? null
                    : value instanceof Date date ? Long.toString(date.getTime()) : value.toString()});
        }
        return out;
    }

    static byte[] canonical(Document stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String[] pair : fields(stored)) {
            write(out, pair[0].getBytes(StandardCharsets.UTF_8));
            write(out, pair[1] == null ? null : pair[1].getBytes(StandardCharsets.UTF_8));
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
