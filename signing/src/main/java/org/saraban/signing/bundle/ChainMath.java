package org.saraban.signing.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The event log's hash chain as an archive bundle states it, computed without the server: an event's content
 * digest from its canonical (name, value) pairs, and the link {@code hash = SHA-256(prevHash ‖ content digest)}.
 * The same rule as the event store's ({@code org.saraban.command.store.EventChain}); a test of the web module
 * checks that both give the same hashes.
 */
public final class ChainMath {

    public static final String GENESIS = "0".repeat(64);

    private ChainMath() {
    }

    /** SHA-256 (hex) of the pairs, each name and value written as a 4-byte length and UTF-8 (-1 for null). */
    public static String contentSha256(List<String[]> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        for (String[] pair : pairs) {
            write(out, pair[0]);
            write(out, pair[1]);
        }
        return hex(sha256(out.toByteArray()));
    }

    public static String link(String prevHash, String contentSha256) {
        MessageDigest sha = digest();
        sha.update(HexFormat.of().parseHex(prevHash));
        sha.update(HexFormat.of().parseHex(contentSha256));
        return hex(sha.digest());
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        int n = bytes == null ? -1 : bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
