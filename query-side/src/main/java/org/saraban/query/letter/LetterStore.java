package org.saraban.query.letter;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.saraban.query.support.PositionedStore;

/** The letter read models' collections. */
public class LetterStore {

    public static final String LETTERS = "letters";
    public static final String REGISTER_ROWS = "register_rows";

    private final PositionedStore letters;
    private final PositionedStore registerRows;

    public LetterStore(MongoDatabase db) {
        this.letters = new PositionedStore(db.getCollection(LETTERS));
        this.registerRows = new PositionedStore(db.getCollection(REGISTER_ROWS));
    }

    public PositionedStore letters() {
        return letters;
    }

    public PositionedStore registerRows() {
        return registerRows;
    }

    /** Indexes a real MongoDB uses for the inbox, outbox and register queries; idempotent. */
    public void ensureIndexes() {
        letters.collection().createIndex(Indexes.ascending("agencyCode", "direction", "status"),
                new IndexOptions().name("agency_direction_status"));
        registerRows.collection().createIndex(Indexes.ascending("agencyCode", "book", "yearBE", "registerNumber"),
                new IndexOptions().name("agency_book_year_number"));
    }
}
