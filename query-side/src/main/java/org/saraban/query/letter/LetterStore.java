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

    private final PositionedStore letters;
    private final PositionedStore registerRows;
    private final MongoCollection<Document> reads;

    public LetterStore(MongoDatabase db) {
        // personal data redacted by a PDPA decision stays out of the views and the search index
        this.letters = new PositionedStore(db.getCollection(LETTERS), d -> {
            Redaction.apply(d);
            LetterSearch.index(d);
        });
        this.registerRows = new PositionedStore(db.getCollection(REGISTER_ROWS), Redaction::apply);
        this.reads = db.getCollection(LETTER_READS);
    }

    public PositionedStore letters() {
        return letters;
    }

    public PositionedStore registerRows() {
        return registerRows;
    }

    /** Read marks: {@code {_id: "personId|letterId", personId, letterId, at}}. */
    public MongoCollection<Document> reads() {
        return reads;
    }

    /** Indexes a real MongoDB uses for the inbox, outbox and register queries; idempotent. */
    public void ensureIndexes() {
        letters.collection().createIndex(Indexes.ascending("agencyCode", "direction", "status"),
                new IndexOptions().name("agency_direction_status"));
        letters.collection().createIndex(Indexes.compoundIndex(Indexes.ascending("agencyCode", "direction"),
                Indexes.descending("position")), new IndexOptions().name("agency_direction_position"));
        reads.createIndex(Indexes.ascending("personId"), new IndexOptions().name("person"));
        letters.collection().createIndex(Indexes.ascending("agencyCode", LetterSearch.GRAMS),
                new IndexOptions().name("agency_search_grams"));
        registerRows.collection().createIndex(Indexes.ascending("agencyCode", "book", "yearBE", "registerNumber"),
                new IndexOptions().name("agency_book_year_number"));
    }
}
