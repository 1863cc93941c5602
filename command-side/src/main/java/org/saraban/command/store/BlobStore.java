package org.saraban.command.store;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.BsonString;
import org.bson.Document;

/**
 * Binary content in GridFS, addressed by its SHA-256 (DESIGN.md §2): the id is the hash, so the same
 * bytes are stored once and an event that records the hash names exactly those bytes.
 */
public class BlobStore {

    public record Blob(String sha256, long size, String contentType, String fileName) {
    }

    private final GridFSBucket bucket;

    public BlobStore(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, "blobs");
    }

    /** Stores the stream's bytes (if new) and returns their address. */
    public Blob put(InputStream in, String contentType, String fileName) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("saraban-blob", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (DigestInputStream din = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
                size = din.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Optional<Blob> existing = find(hash);
            if (existing.isPresent()) {
                return existing.get();
            }
            Document meta = new Document("contentType", contentType).append("fileName", fileName).append("size", size);
            try (InputStream data = Files.newInputStream(tmp)) {
                bucket.uploadFromStream(new BsonString(hash), hash, data, new GridFSUploadOptions().metadata(meta));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a concurrent upload of the same bytes won: same content, same address
                }
            }
            return new Blob(hash, size, contentType, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    public Optional<Blob> find(String sha256) {
        GridFSFile f = bucket.find(eq("_id", new BsonString(sha256))).first();
        if (f == null) {
            return Optional.empty();
        }
        Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
        return Optional.of(new Blob(sha256, f.getLength(), m.getString("contentType"), m.getString("fileName")));
    }

    /**
     * Makes the content unrecoverable from the store: its file and chunks are deleted (GridFS). Nothing happens
     * for content the store does not have, so a repeated destruction is harmless.
     */
    public boolean destroy(String sha256) {
        if (find(sha256).isEmpty()) {
            return false;
        }
        bucket.delete(new BsonString(sha256));
        return true;
    }

    public void copyTo(String sha256, OutputStream out) {
        bucket.downloadToStream(new BsonString(sha256), out);
    }
}
