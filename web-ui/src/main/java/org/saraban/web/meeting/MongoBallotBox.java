package org.saraban.web.meeting;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.saraban.api.meeting.MeetingException;
import org.saraban.command.meeting.BallotBox;

/**
 * The secret polls' keys (ADR 0008). Each poll has an RSA-3072 key pair. The public half seals every choice
 * with RSA-OAEP (SHA-256), which is randomised. The private half is kept in {@code ballot_keys} only
 * encrypted (AES-256-GCM) under a key derived from the deployment secret, which is not in MongoDB. Shredding
 * deletes the poll's key, after which no one can open its ballots.
 */
public class MongoBallotBox implements BallotBox {

    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final int PBKDF2_ROUNDS = 200_000;

    private final MongoCollection<Document> keys;
    private final char[] secret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    public MongoBallotBox(MongoDatabase database, char[] deploymentSecret) {
        this.keys = database.getCollection("ballot_keys");
        this.secret = deploymentSecret.clone();
    }

    @Override
    public void open(String pollId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] salt = new byte[16];
            byte[] iv = new byte[12];
            random.nextBytes(salt);
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, wrappingKey(salt), new GCMParameterSpec(128, iv));
            aes.updateAAD(pollId.getBytes(StandardCharsets.UTF_8));
            byte[] sealedPrivate = aes.doFinal(pair.getPrivate().getEncoded());
            keys.insertOne(new Document("_id", pollId).append("publicKey", new Binary(pair.getPublic().getEncoded()))
                    .append("salt", new Binary(salt)).append("iv", new Binary(iv))
                    .append("sealedPrivateKey", new Binary(sealedPrivate)));
            publicKeys.put(pollId, pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the poll's key", e);
        }
    }

    @Override
    public String seal(String pollId, String choice) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey(pollId), OAEP, random);
            return Base64.getEncoder().encodeToString(rsa.doFinal(choice.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the ballot", e);
        }
    }

    @Override
    public Map<String, Integer> count(String pollId, List<String> options, List<String> sealedBallots) {
        Document stored = keys.find(eq("_id", pollId)).first();
        if (stored == null) {
            throw MeetingException.conflict("BALLOT_KEY_GONE", "the poll's key was destroyed: its ballots cannot be opened");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        options.forEach(o -> counts.put(o, 0));
        try {
            PrivateKey key = privateKey(pollId, stored);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            for (String ballot : sealedBallots) {
                rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
                String choice = new String(rsa.doFinal(Base64.getDecoder().decode(ballot)), StandardCharsets.UTF_8);
                if (!counts.containsKey(choice)) {
                    throw new IllegalStateException("a ballot of poll " + pollId + " holds no option of it");
                }
                counts.merge(choice, 1, Integer::sum);
            }
            return counts;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the poll's ballots", e);
        }
    }

    @Override
    public void shred(String pollId) {
        keys.deleteOne(eq("_id", pollId));
        publicKeys.remove(pollId);
    }

    private PublicKey publicKey(String pollId) throws GeneralSecurityException {
        PublicKey cached = publicKeys.get(pollId);
        if (cached != null) {
            return cached;
        }
        Document stored = keys.find(eq("_id", pollId)).first();
        if (stored == null) {
            throw MeetingException.conflict("BALLOT_KEY_GONE", "the poll has no key");
        }
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(stored.get("publicKey", Binary.class).getData()));
        publicKeys.put(pollId, key);
        return key;
    }

    private PrivateKey privateKey(String pollId, Document stored) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, wrappingKey(stored.get("salt", Binary.class).getData()),
                new GCMParameterSpec(128, stored.get("iv", Binary.class).getData()));
        aes.updateAAD(pollId.getBytes(StandardCharsets.UTF_8));
        byte[] encoded = aes.doFinal(stored.get("sealedPrivateKey", Binary.class).getData());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    }

    private SecretKeySpec wrappingKey(byte[] salt) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(secret, salt, PBKDF2_ROUNDS, 256)).getEncoded();
        return new SecretKeySpec(key, "AES");
    }
}
