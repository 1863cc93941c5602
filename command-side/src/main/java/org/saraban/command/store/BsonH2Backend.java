package org.saraban.command.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import java.util.List;

/**
 * The H2 backend with each collection's documents kept as BSON ({@link BsonDocumentType}) and each unique index's
 * keys ordered by value ({@link OrderedKey}). The data maps' names, the metadata and the documents' keys are H2's
 * backend's as they are, so a file the stock backend wrote opens here. A unique index lives under a map name of its
 * own ({@value #UNIQUE_KEYS} after the stock name), since its order is not the stock one: a stock file's index maps
 * are dropped when their index opens, and the server builds each index again from the documents, once.
 */
final class BsonH2Backend extends H2Backend {

    /** What a unique index's map name ends with (after the stock backend's name for it). */
    static final String UNIQUE_KEYS = "#keys";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BsonH2Backend.class);

    /** The store of a backend being constructed: H2's constructor opens the file's databases before ours runs. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static BsonH2Backend on(MVStore store) {
        OPENING.set(store);
        try {
            return new BsonH2Backend(store);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, store != null ? store : OPENING.get(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        /** The map name prefixes of H2's backend ({@code H2Database}). */
        private static final String DATA = "databases.";
        private static final String META = "meta.";
        private static final String INDEX = "._index_";

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors); // opens nothing: see initializeNamespacesAndIndexes
            this.store = store;
            super.initializeNamespacesAndIndexes();
        }

        /** Called by the super constructor before {@link #store} is set: the collections open once it is. */
        @Override
        protected void initializeNamespacesAndIndexes() {
            if (store != null) {
                super.initializeNamespacesAndIndexes();
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = store.openMap(DATA + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = store.openMap(META + fullName);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String stock = stockIndexMap(collectionName, indexName);
            if (store.hasMap(stock)) {
                log.info("unique index {} of the stock backend dropped: it is built again from the documents", stock);
                store.removeMap(stock);
            }
            MVMap<OrderedKey, Object> map = store.openMap(stock + UNIQUE_KEYS);
            return new UniqueKeys(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = stockIndexMap(collection.getCollectionName(), indexName) + UNIQUE_KEYS;
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }

        /** The name H2's backend gives an index's map; this backend's map for it adds {@link #UNIQUE_KEYS}. */
        private String stockIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX + indexName;
        }
    }
}
