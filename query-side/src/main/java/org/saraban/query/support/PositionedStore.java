package org.saraban.query.support;

import static com.mongodb.client.model.Filters.eq;

import java.util.function.Consumer;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * Idempotent, position-aware read-model writes (DESIGN.md §2): every document records the global
 * position of the last event it reflects, and an event at or below that position is skipped. A
 * processor that replays after a crash, or a rebuild, therefore changes nothing twice. All reads and
 * writes are by {@code _id}, which both MongoDB and the embedded server answer from the index.
 */
public final class PositionedStore {

    public static final String POSITION = "position";

    private final MongoCollection<Document> collection;
    private final Consumer<Document> beforeWrite;
    private final Consumer<Document> afterWrite;

    public PositionedStore(MongoCollection<Document> collection) {
        this(collection, d -> { });
    }

    /** {@code beforeWrite}: what every created or changed document gets last (fields derived from the others). */
    public PositionedStore(MongoCollection<Document> collection, Consumer<Document> beforeWrite) {
        this(collection, beforeWrite, d -> { });
    }

    /**
     * {@code afterWrite}: told of every document as it was written (e.g. to keep a smaller copy elsewhere), and of the
     * stored document when an event it already reflects comes again. A crash may fall between the two writes; the
     * tracking processor then delivers the event again, and the copy catches up. So {@code afterWrite} must be
     * idempotent.
     */
    public PositionedStore(MongoCollection<Document> collection, Consumer<Document> beforeWrite,
                           Consumer<Document> afterWrite) {
        this.collection = collection;
        this.beforeWrite = beforeWrite;
        this.afterWrite = afterWrite;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /** Creates the document if the event is new to it; {@code init} fills a fresh document. */
    public void create(Object id, long position, Consumer<Document> init) {
        Document existing = collection.find(eq("_id", id)).first();
        if (existing != null && existing.get(POSITION, Number.class).longValue() >= position) {
            afterWrite.accept(existing); // an event delivered again after a crash: a copy cut off then catches up
            return;
        }
        Document doc = new Document("_id", id);
        init.accept(doc);
        beforeWrite.accept(doc);
        doc.put(POSITION, position);
        try {
            collection.replaceOne(eq("_id", id), doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return;
        }
        afterWrite.accept(doc);
    }

    /** Applies {@code change} to the document unless it already reflects {@code position}. */
    public boolean update(Object id, long position, Consumer<Document> change) {
        Document doc = collection.find(eq("_id", id)).first();
        if (doc == null) {
            return false;
        }
        if (doc.get(POSITION, Number.class).longValue() >= position) {
            afterWrite.accept(doc); // an event delivered again after a crash: a copy cut off then catches up
            return false;
        }
        change.accept(doc);
        beforeWrite.accept(doc);
        doc.put(POSITION, position);
        collection.replaceOne(eq("_id", id), doc);
        afterWrite.accept(doc);
        return true;
    }

    /** Writes back a document read with {@link #get}, now reflecting the event at {@code position}. */
    public void replace(Document doc, long position) {
        doc.put(POSITION, position);
        collection.replaceOne(eq("_id", doc.get("_id")), doc);
        afterWrite.accept(doc);
    }

    /**
     * Writes back a document that reflected {@code previous}, now reflecting {@code position}, only if the stored
     * one still reflects {@code previous}; false if another writer got there first.
     */
    public boolean replaceIfAt(Document doc, long previous, long position) {
        doc.put(POSITION, position);
        boolean written = collection.replaceOne(com.mongodb.client.model.Filters.and(eq("_id", doc.get("_id")),
                eq(POSITION, previous)), doc).getMatchedCount() == 1;
        if (written) {
            afterWrite.accept(doc);
        }
        return written;
    }

    /**
     * Waits until the document reflects the event at {@code position} (read-your-writes); false on timeout. It
     * reads only the position, however large the document has grown, and looks again at least every 10 ms.
     */
    public boolean awaitPosition(Object id, long position, java.time.Duration timeout) {
        return awaitPosition(collection, id, position, timeout);
    }

    /** {@link #awaitPosition(Object, long, java.time.Duration)} on any collection whose documents carry {@link #POSITION}. */
    public static boolean awaitPosition(MongoCollection<Document> collection, Object id, long position,
                                        java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            if (position(collection, id) >= position) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 10);
        }
    }

    /** The position of the last event the document reflects, or -1 if there is no such document. */
    public long position(Object id) {
        return position(collection, id);
    }

    private static long position(MongoCollection<Document> collection, Object id) {
        Document d = collection.find(eq("_id", id)).projection(com.mongodb.client.model.Projections.include(POSITION))
                .first();
        Number p = d == null ? null : d.get(POSITION, Number.class);
        return p == null ? -1 : p.longValue();
    }

    public Document get(Object id) {
        return collection.find(eq("_id", id)).first();
    }
}
