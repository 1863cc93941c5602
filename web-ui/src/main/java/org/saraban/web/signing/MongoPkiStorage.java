package org.saraban.web.signing;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.saraban.signing.pki.PkiStorage;

/**
 * The in-process CA's and TSA's state (PKCS#12 blobs, CRL state, issued certificates) in the app's own
 * MongoDB, collection {@code pki}, so that every node of a deployment signs with the same CA. A blob's
 * name is its {@code _id}: {@link #create} is an insert, which the unique {@code _id} makes atomic, so two
 * nodes starting at once cannot both create a root.
 */
public class MongoPkiStorage implements PkiStorage {

    private final MongoCollection<Document> blobs;

    public MongoPkiStorage(MongoDatabase database) {
        this.blobs = database.getCollection("pki");
    }

    @Override
    public Optional<byte[]> read(String name) {
        Document d = blobs.find(eq("_id", PkiStorage.checkName(name))).first();
        return d == null ? Optional.empty() : Optional.of(d.get("content", Binary.class).getData());
    }

    @Override
    public void write(String name, byte[] content) {
        blobs.replaceOne(eq("_id", PkiStorage.checkName(name)), blob(name, content), new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean create(String name, byte[] content) {
        try {
            blobs.insertOne(blob(PkiStorage.checkName(name), content));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        blobs.find(regex("_id", "^" + Pattern.quote(prefix))).projection(new Document("_id", 1))
                .forEach(d -> names.add(d.getString("_id")));
        names.sort(null);
        return names;
    }

    private static Document blob(String name, byte[] content) {
        return new Document("_id", name).append("content", new Binary(content));
    }
}
