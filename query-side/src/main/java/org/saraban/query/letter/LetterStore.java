package org.saraban.query.letter;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.saraban.query.support.PositionedStore;

/**
 * The letter read models' collections, and {@code letter_reads}: who has opened which letter. The
 * read marks are UI state, not events: no projection writes them and a rebuild leaves them alone.
 */
public class LetterStore {

    public static final String LETTERS = "letters";
    public static final String REGISTER_ROWS = "register_rows";
    public static final String LETTER_READS = "letter_reads";
    /**
     * The letters as a list shows them: each letter's summary fields and those its visibility is decided by, kept
     * with every write of the letter. Lists filter, sort and page this instead of the letters themselves, whose
     * search index alone is most of their size: a server that scans (the embedded one) reads a twentieth of the
     * bytes, and a real MongoDB pages it from its index either way.
     */
    public static final String LETTER_LIST = "letter_list";

    /** The fields of {@link #LETTER_LIST}. */
    public static final java.util.List<String> LIST_FIELDS = java.util.List.of("id", "version", "direction", "kind",
            "kindThai", "status", "subject", "urgency", "urgencyThai", "deliverBy", "deliverByThai", "secrecy",
            "secrecyThai", "circular", "fromAgencyCode", "fromAgencyName", "agencyCode", "number", "date", "dateThai",
            "receivingNumber", "receivedAt", "receivedAtThai", "deliveredAt", "deliveredAtThai", "dispatchedAt",
            "dispatchedAtThai", "unacknowledged", "copyOnly", "routes", "participants", "routeUnits", "addresseeUnits",
            "ownerUnitCode", "borrowerIds", PositionedStore.POSITION);

    private final PositionedStore letters;
    private final PositionedStore registerRows;
    private final MongoCollection<Document> reads;
    private final MongoCollection<Document> list;

    public LetterStore(MongoDatabase db) {
        this.list = db.getCollection(LETTER_LIST);
        // personal data redacted by a PDPA decision stays out of the views and the search index
        this.letters = new PositionedStore(db.getCollection(LETTERS), d -> {
            Redaction.apply(d);
            LetterSearch.index(d);
        }, this::listed);
        this.registerRows = new PositionedStore(db.getCollection(REGISTER_ROWS), Redaction::apply);
        this.reads = db.getCollection(LETTER_READS);
    }

    public PositionedStore letters() {
        return letters;
    }

    public PositionedStore registerRows() {
        return registerRows;
    }

    /** {@link #LETTER_LIST}: a list's view of every letter. */
    public MongoCollection<Document> list() {
        return list;
    }

    /** The letter's entry in {@link #LETTER_LIST}: its {@code _id} and those of {@link #LIST_FIELDS} it has. */
    public static Document listEntry(Document letter) {
        Document entry = new Document("_id", letter.get("_id"));
        for (String field : LIST_FIELDS) {
            if (letter.containsKey(field)) {
                entry.put(field, letter.get(field));
            }
        }
        return entry;
    }

    /** The letter's entry in {@link #LETTER_LIST}, as it was just written. */
    private void listed(Document letter) {
        Document entry = listEntry(letter);
        list.replaceOne(com.mongodb.client.model.Filters.eq("_id", entry.get("_id")), entry,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * Fills {@link #LETTER_LIST} from the letters when it lacks some (a store from before it); idempotent. Runs at
     * every start, so it compares the collections' sizes as the server keeps them, without reading a document.
     */
    public void fillList() {
        if (list.estimatedDocumentCount() == letters.collection().estimatedDocumentCount()) {
            return;
        }
        for (Document letter : letters.collection().find().projection(com.mongodb.client.model.Projections.include(
                LIST_FIELDS)).batchSize(200)) {
            listed(letter);
        }
    }

    /** Read marks: {@code {_id: "personId|letterId", personId, letterId, at}}. */
    public MongoCollection<Document> reads() {
        return reads;
    }

    /** Indexes a real MongoDB uses for the inbox, outbox and register queries; idempotent. */
    public void ensureIndexes() {
        letters.collection().createIndex(Indexes.ascending("agencyCode", "direction", "status"),
                new IndexOptions().name("agency_direction_status"));
        list.createIndex(Indexes.compoundIndex(Indexes.ascending("agencyCode", "direction"),
                Indexes.descending("position")), new IndexOptions().name("agency_direction_position"));
        reads.createIndex(Indexes.ascending("personId"), new IndexOptions().name("person"));
        letters.collection().createIndex(Indexes.ascending("agencyCode", LetterSearch.GRAMS),
                new IndexOptions().name("agency_search_grams"));
        registerRows.collection().createIndex(Indexes.ascending("agencyCode", "book", "yearBE", "registerNumber"),
                new IndexOptions().name("agency_book_year_number"));
    }
}
