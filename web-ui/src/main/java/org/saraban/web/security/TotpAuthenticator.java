package org.saraban.web.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six digits), the second way a person
 * proves who they are before joining a meeting (the MDES standard allows a one-time password). A person enrols
 * (the secret is shown once, as an {@code otpauth://} URI for an authenticator app), confirms with a first
 * code, and from then on may join with a code instead of their password. Secrets are kept in MongoDB only
 * encrypted (AES-256-GCM) under a key derived from the deployment secret, which is not in MongoDB. A code is
 * accepted one step either side of now, and never twice: the last step used is recorded atomically.
 */
public class TotpAuthenticator {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final byte[] KEY_SALT = "saraban/totp-secrets/v1".getBytes(StandardCharsets.UTF_8);
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** What the person puts in their authenticator app. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    private final MongoCollection<Document> secrets;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TotpAuthenticator(MongoDatabase db, char[] deploymentSecret) {
        this.secrets = db.getCollection("totp_secrets");
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(deploymentSecret, KEY_SALT, 200_000, 256)).getEncoded();
            this.key = new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new secret for {@code personId}, not in force until {@link #confirm}; replaces any earlier one. */
    public Enrolment enrol(String personId, String accountName, String issuer) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        secrets.replaceOne(Filters.eq("_id", personId), new Document("_id", personId)
                .append("sealed", new Binary(seal(secret))).append("enabled", false).append("lastStep", -1L),
                new ReplaceOptions().upsert(true));
        String base32 = base32(secret);
        String label = enc(issuer) + ":" + enc(accountName);
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS);
    }

    /** Puts the enrolment in force if {@code code} is right; false otherwise. */
    public boolean confirm(String personId, String code, Instant now) {
        if (!accept(personId, code, now, false)) {
            return false;
        }
        secrets.updateOne(Filters.eq("_id", personId), Updates.set("enabled", true));
        return true;
    }

    public boolean enabled(String personId) {
        Document d = secrets.find(Filters.eq("_id", personId)).first();
        return d != null && d.getBoolean("enabled", false);
    }

    /** True once for a right code of an enrolled person; the same code is refused afterwards. */
    public boolean verify(String personId, String code, Instant now) {
        return accept(personId, code, now, true);
    }

    private boolean accept(String personId, String code, Instant now, boolean mustBeEnabled) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        Document d = secrets.find(Filters.eq("_id", personId)).first();
        if (d == null || mustBeEnabled && !d.getBoolean("enabled", false)) {
            return false;
        }
        byte[] secret = open(d.get("sealed", Binary.class).getData());
        long step = now.getEpochSecond() / STEP_SECONDS;
        for (long s = step - 1; s <= step + 1; s++) {
            if (MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                // a code opens one door once: the step is taken only if no later one was
                return secrets.updateOne(Filters.and(Filters.eq("_id", personId), Filters.lt("lastStep", s)),
                        Updates.set("lastStep", s)).getModifiedCount() == 1;
            }
        }
        return false;
    }

    /** The RFC 4226 code of {@code secret} at time step {@code step}. */
    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | h[offset + 3] & 0xff;
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[buffer >> bits - 5 & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[buffer << 5 - bits & 31]);
        }
        return out.toString();
    }

    private byte[] seal(byte[] secret) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(secret);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] open(byte[] sealed) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return aes.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TOTP secret cannot be opened with this deployment's secret", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
