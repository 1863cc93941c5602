package org.saraban.signing.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an archive bundle (issue 6, item 6) without the server: that every file is as sealed (the manifest's
 * digests, the manifest under the system seal's signature), that the letter's events hash to what the chain
 * says, that the chain runs unbroken from them to a checkpoint, and that the checkpoint is signed and timestamped
 * for exactly that head. Any changed byte in any file fails one of these.
 *
 * <pre>
 * ./mvnw -q -pl signing exec:java -Dexec.mainClass=org.saraban.signing.bundle.BundleVerifier -Dexec.args=bundle.zip
 * </pre>
 * It prints each check and exits 0 when all hold, 1 when one fails, 2 when the file cannot be read.
 */
public final class BundleVerifier {

    public static final String FORMAT = "saraban-archive-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIGNATURE = "manifest.sig.json";
    public static final String EVENTS = "events.json";
    public static final String CHAIN = "chain.json";
    public static final String CHECKPOINT = "checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the checks found: each line, and whether all held. */
    public record Report(boolean valid, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BundleVerifier <bundle.zip>");
            System.exit(2);
        }
        try {
            Report report = verify(Files.readAllBytes(Path.of(args[0])));
            System.out.println(report.text());
            System.exit(report.valid() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }

    public static Report verify(byte[] zip) throws IOException {
        Checks c = new Checks();
        Map<String, byte[]> files;
        try {
            files = unzip(zip);
        } catch (IOException e) {
            c.fail("the bundle is not a readable ZIP: " + e.getMessage());
            return c.report();
        }
        byte[] manifestBytes = files.get(MANIFEST);
        byte[] sigBytes = files.get(MANIFEST_SIGNATURE);
        if (manifestBytes == null || sigBytes == null) {
            c.fail("the bundle has no " + MANIFEST + " or " + MANIFEST_SIGNATURE);
            return c.report();
        }
        JsonNode manifest = read(c, MANIFEST, manifestBytes);
        JsonNode sig = read(c, MANIFEST_SIGNATURE, sigBytes);
        if (manifest == null || sig == null) {
            return c.report();
        }
        c.check(FORMAT.equals(manifest.path("format").asText()), "format " + FORMAT,
                "format is " + manifest.path("format").asText() + ", not " + FORMAT);

        // 1. the manifest under the seal, the seal's certificate issued by the chain it names, every file as listed
        X509Certificate seal = certificate(c, sig.path("certificate").asText());
        if (seal != null) {
            c.check(verifySignature(sig.path("algorithm").asText(), seal, manifestBytes, sig.path("signature").asText()),
                    "manifest sealed by " + seal.getSubjectX500Principal().getName(),
                    "the manifest's seal does not verify: a file list or digest was changed");
            List<X509Certificate> chain = new ArrayList<>();
            sig.path("chain").forEach(b -> {
                X509Certificate cert = certificate(c, b.asText());
                if (cert != null) {
                    chain.add(cert);
                }
            });
            c.check(!chain.isEmpty() && issuedInOrder(seal, chain), "the seal's certificate is issued by its chain, up to "
                    + "the root with SHA-256 fingerprint " + (chain.isEmpty() ? "-" : fingerprint(chain.get(chain.size() - 1)))
                    + " (compare it with the agency's published root)",
                    "the seal's certificate is not issued by the chain it names (changed)");
        }
        JsonNode listed = manifest.path("files");
        for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            byte[] bytes = files.get(f.getKey());
            if (bytes == null) {
                c.fail(f.getKey() + ": listed but missing");
            } else {
                c.check(ChainMath.hex(ChainMath.sha256(bytes)).equals(f.getValue().asText()), f.getKey() + ": digest as sealed",
                        f.getKey() + ": its SHA-256 is not the one in the manifest (changed)");
            }
        }
        for (String name : files.keySet()) {
            if (!name.equals(MANIFEST) && !name.equals(MANIFEST_SIGNATURE) && !listed.has(name)) {
                c.fail(name + ": in the bundle but not in the manifest");
            }
        }

        // 2. the letter's events hash to what they say, and the chain says the same of them
        JsonNode events = read(c, EVENTS, files.get(EVENTS));
        JsonNode chain = read(c, CHAIN, files.get(CHAIN));
        JsonNode checkpoint = read(c, CHECKPOINT, files.get(CHECKPOINT));
        if (events == null || chain == null || checkpoint == null) {
            return c.report();
        }
        Map<Long, JsonNode> links = new LinkedHashMap<>();
        chain.forEach(l -> links.put(l.path("position").asLong(), l));
        int good = 0;
        for (JsonNode e : events) {
            long position = e.path("position").asLong();
            List<String[]> pairs = new ArrayList<>();
            e.path("fields").forEach(p -> pairs.add(new String[] {p.get(0).asText(), p.get(1).isNull() ? null : p.get(1).asText()}));
            String content = ChainMath.contentSha256(pairs);
            String hash = ChainMath.link(e.path("prevHash").asText(), content);
            JsonNode link = links.get(position);
            if (!hash.equals(e.path("hash").asText())) {
                c.fail("event " + position + ": its content does not hash to its hash (changed)");
            } else if (link == null || !content.equals(link.path("contentSha256").asText())
                    || !hash.equals(link.path("hash").asText())) {
                c.fail("event " + position + ": not the event the chain has at its position");
            } else {
                good++;
            }
        }
        c.check(good == events.size(), good + " events hash as the chain says", null);

        // 3. the chain runs unbroken from the first of them to the checkpoint
        String previous = null;
        long last = -1;
        boolean unbroken = true;
        for (JsonNode l : chain) {
            long position = l.path("position").asLong();
            if (previous != null && (position != last + 1 || !previous.equals(l.path("prevHash").asText()))) {
                c.fail("chain: broken at position " + position);
                unbroken = false;
                break;
            }
            if (!ChainMath.link(l.path("prevHash").asText(), l.path("contentSha256").asText()).equals(l.path("hash").asText())) {
                c.fail("chain: the link at position " + position + " does not hash to its hash");
                unbroken = false;
                break;
            }
            previous = l.path("hash").asText();
            last = position;
        }
        if (unbroken) {
            c.check(last == checkpoint.path("position").asLong() && checkpoint.path("hash").asText().equals(previous),
                    "chain unbroken over " + chain.size() + " positions up to the checkpoint at " + last,
                    "chain: it does not end at the checkpoint's position and hash");
        }

        // 4. the checkpoint: its statement, the seal's signature of it, its timestamp
        String statement = checkpoint.path("statement").asText();
        c.check(statement.equals("saraban-event-log-checkpoint/1\nposition=" + checkpoint.path("position").asLong()
                        + "\nhash=" + checkpoint.path("hash").asText() + "\nat=" + checkpoint.path("at").asText() + "\n"),
                "checkpoint statement", "checkpoint: its statement does not say its position, hash and time");
        X509Certificate checkpointSeal = certificate(c, checkpoint.path("certificate").asText());
        c.check(checkpoint.path("certificate").asText().equals(sig.path("certificate").asText()),
                "checkpoint and manifest sealed with the same certificate",
                "the checkpoint and the manifest name different seal certificates");
        byte[] statementBytes = statement.getBytes(StandardCharsets.UTF_8);
        if (checkpointSeal != null) {
            c.check(verifySignature(checkpoint.path("algorithm").asText(), checkpointSeal, statementBytes,
                    checkpoint.path("signature").asText()), "checkpoint signed by the seal",
                    "checkpoint: the seal's signature does not verify");
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(
                    checkpoint.path("timestampToken").asText())));
            c.check(MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), ChainMath.sha256(statementBytes)),
                    "checkpoint timestamped at " + token.getTimeStampInfo().getGenTime().toInstant(),
                    "checkpoint: the timestamp is for another statement");
        } catch (Exception e) {
            c.fail("checkpoint: the timestamp cannot be read: " + e.getMessage());
        }
        return c.report();
    }

    /** Each certificate signed by the next one's key, the last one by its own (the root). */
    private static boolean issuedInOrder(X509Certificate leaf, List<X509Certificate> chain) {
        List<X509Certificate> all = new ArrayList<>();
        all.add(leaf);
        for (X509Certificate cert : chain) {
            if (!cert.equals(leaf)) {
                all.add(cert);
            }
        }
        try {
            for (int i = 0; i < all.size(); i++) {
                X509Certificate issuer = i + 1 < all.size() ? all.get(i + 1) : all.get(i);
                all.get(i).verify(issuer.getPublicKey());
            }
            return all.size() > 1;
        } catch (Exception e) {
            return false;
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            return ChainMath.hex(ChainMath.sha256(cert.getEncoded()));
        } catch (Exception e) {
            return "-";
        }
    }

    private static JsonNode read(Checks c, String name, byte[] bytes) {
        if (bytes == null) {
            c.fail(name + ": missing");
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            c.fail(name + ": not JSON (" + e.getMessage() + ")");
            return null;
        }
    }

    private static X509Certificate certificate(Checks c, String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            c.fail("a certificate cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static boolean verifySignature(String algorithm, X509Certificate cert, byte[] data, String base64) {
        try {
            Signature s = Signature.getInstance("RSA_2048".equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSA");
            s.initVerify(cert.getPublicKey());
            s.update(data);
            return s.verify(Base64.getDecoder().decode(base64));
        } catch (SignatureException | IllegalArgumentException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), readAll(in));
                }
            }
        }
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static final class Checks {
        private final List<String> lines = new ArrayList<>();
        private boolean valid = true;

        void check(boolean ok, String good, String bad) {
            if (ok) {
                lines.add("OK    " + good);
            } else {
                fail(bad == null ? good : bad);
            }
        }

        void fail(String why) {
            valid = false;
            lines.add("FAIL  " + why);
        }

        Report report() {
            lines.add(valid ? "VALID: the bundle is as it was sealed" : "NOT VALID");
            return new Report(valid, List.copyOf(lines));
        }
    }
}
