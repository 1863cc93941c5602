package org.saraban.web.integrity;

import static com.mongodb.client.model.Filters.eq;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.bson.Document;
import org.saraban.command.store.EventChain;
import org.saraban.command.store.EventChainVerifier;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TimestampSource;

/**
 * Signed, timestamped checkpoints of the event log's hash chain (DESIGN.md §4): now and then the chain's head
 * (the last position and its hash) is written down as a short statement, signed with the system's seal (a key
 * of the deployment's own PKI, kept as the signing keys are) and timestamped (RFC 3161). A forger who rewrites
 * the log and every hash after the change still cannot make the chain pass through a signed checkpoint.
 */
public class IntegrityCheckpoints {

    static final String COLLECTION = "integrity_checkpoints";
    static final String COUNTERS = "event_counters";
    static final PersonIdentity SEAL = new PersonIdentity("saraban-integrity-seal", "ตราประทับความครบถ้วนของระบบสารบรรณ",
            "ระบบ", "Saraban");

    private final MongoDatabase db;
    private final MongoCollection<Document> checkpoints;
    private final PersonalSigners keys;
    private final TimestampSource tsa;
    private final Clock clock;

    public IntegrityCheckpoints(MongoDatabase db, PersonalSigners keys, TimestampSource tsa, Clock clock) {
        this.db = db;
        this.checkpoints = db.getCollection(COLLECTION);
        this.keys = keys;
        this.tsa = tsa;
        this.clock = clock;
    }

    /** The last position and its hash, as the event store's counter holds them. */
    public Head head() {
        Document counter = db.getCollection(COUNTERS).find(eq("_id", "globalIndex")).first();
        if (counter == null || counter.get("value") == null) {
            return new Head(0, EventChain.GENESIS);
        }
        String hash = counter.getString("head");
        return new Head(counter.get("value", Number.class).longValue(), hash == null ? EventChain.GENESIS : hash);
    }

    public record Head(long position, String hash) {
    }

    /** Signs and timestamps the head if it moved since the last checkpoint; the newest checkpoint either way. */
    public synchronized Optional<Document> checkpoint() {
        Head head = head();
        Optional<Document> latest = latest();
        if (head.position() == 0 || latest.isPresent() && latest.get().get("_id", Number.class).longValue() >= head.position()) {
            return latest;
        }
        Instant at = clock.instant();
        String statement = statement(head, at);
        byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
        try {
            SigningCredential seal = keys.credentialFor(SEAL, KeyAlgorithm.ECDSA_P256);
            byte[] signature = seal.signer().sign(bytes);
            byte[] token = tsa.timestamp(MessageDigest.getInstance("SHA-256").digest(bytes));
            Document d = new Document("_id", head.position()).append("hash", head.hash()).append("at", at.toString())
                    .append("statement", statement).append("algorithm", seal.signer().algorithm().name())
                    .append("signature", Base64.getEncoder().encodeToString(signature))
                    .append("certificate", Base64.getEncoder().encodeToString(seal.certificate().getEncoded()))
                    .append("timestampToken", Base64.getEncoder().encodeToString(token));
            checkpoints.insertOne(d);
            return Optional.of(d);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the integrity checkpoint at " + head.position(), e);
        }
    }

    /** {@code bytes} signed with the system's seal: {algorithm, signature, certificate, chain} (base64 DER). */
    public Document seal(byte[] bytes) {
        try {
            SigningCredential seal = keys.credentialFor(SEAL, KeyAlgorithm.ECDSA_P256);
            List<String> chain = new ArrayList<>();
            for (X509Certificate cert : seal.chain()) {
                chain.add(Base64.getEncoder().encodeToString(cert.getEncoded()));
            }
            return new Document("algorithm", seal.signer().algorithm().name())
                    .append("signature", Base64.getEncoder().encodeToString(seal.signer().sign(bytes)))
                    .append("certificate", Base64.getEncoder().encodeToString(seal.certificate().getEncoded()))
                    .append("chain", chain);
        } catch (Exception e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    public Optional<Document> latest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).limit(1).first());
    }

    static String statement(Head head, Instant at) {
        return "saraban-event-log-checkpoint/1\nposition=" + head.position() + "\nhash=" + head.hash() + "\nat=" + at + "\n";
    }

    /** A checkpoint's own signature, timestamp and statement, checked; null when it holds, else why not. */
    static String problemOf(Document c) {
        try {
            String statement = c.getString("statement");
            Head claimed = new Head(c.get("_id", Number.class).longValue(), c.getString("hash"));
            if (!statement.equals(statement(claimed, Instant.parse(c.getString("at"))))) {
                return "its statement does not say its position, hash and time";
            }
            byte[] bytes = statement.getBytes(StandardCharsets.UTF_8);
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(c.getString("certificate"))));
            Signature verifier = Signature.getInstance(KeyAlgorithm.valueOf(c.getString("algorithm")) == KeyAlgorithm.RSA_2048
                    ? "SHA256withRSA" : "SHA256withECDSA");
            verifier.initVerify(cert.getPublicKey());
            verifier.update(bytes);
            boolean signed;
            try {
                signed = verifier.verify(Base64.getDecoder().decode(c.getString("signature")));
            } catch (java.security.SignatureException e) {
                signed = false; // not even a well-formed signature
            }
            if (!signed) {
                return "its seal's signature does not verify";
            }
            TimeStampToken token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(
                    c.getString("timestampToken"))));
            byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
            if (!MessageDigest.isEqual(imprint, MessageDigest.getInstance("SHA-256").digest(bytes))) {
                return "its timestamp is for another statement";
            }
            return null;
        } catch (Exception e) {
            return "it cannot be read: " + e.getMessage();
        }
    }

    /**
     * The whole check: the chain walked from the first event ({@link EventChainVerifier}), then every checkpoint's
     * signature and timestamp, and that the chain passes through each (the event at its position has its hash).
     */
    public Verification verify() {
        EventChainVerifier.Report chain = new EventChainVerifier(db).verify();
        List<String> problems = new ArrayList<>();
        int count = 0;
        var events = db.getCollection("events");
        for (Document c : checkpoints.find().sort(Sorts.ascending("_id"))) {
            count++;
            long position = c.get("_id", Number.class).longValue();
            String problem = problemOf(c);
            if (problem == null) {
                Document at = events.find(eq("_id", position)).projection(new Document("hash", 1)).first();
                if (at == null || !c.getString("hash").equals(at.getString("hash"))) {
                    problem = "the log no longer passes through it: the event at " + position
                            + " does not have the hash signed then (the log was rewritten)";
                }
            }
            if (problem != null) {
                problems.add("checkpoint " + position + ": " + problem);
            }
        }
        return new Verification(chain.intact() && problems.isEmpty(), chain, count, problems);
    }

    public record Verification(boolean intact, EventChainVerifier.Report chain, int checkpoints,
                               List<String> checkpointProblems) {
    }
}
