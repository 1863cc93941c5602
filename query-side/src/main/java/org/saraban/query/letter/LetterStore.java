package org.saraban.query.letter;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
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
    public static final List<String> LIST_FIELDS = List.of("id", "version", "direction", "kind",
            "kindThai", "status", "subject", "urgency", "urgencyThai", "deliverBy", "deliverByThai", "secrecy",
            "secrecyThai", "circular", "fromAgencyCode", "fromAgencyName", "agencyCode", "number", "date", "dateThai",
            "receivingNumber", "receivedAt", "receivedAtThai", "deliveredAt", "deliveredAtThai", "dispatchedAt",
            "dispatchedAtThai", "unacknowledged", "copyOnly", "routes", "participants", "routeUnits", "addresseeUnits",
            "ownerUnitCode", "borrowerIds", PositionedStore.POSITION);

    static final String LIST_INDEX = "agency_direction_position_id";
    /** The list's index before its order had the id: dropped where it exists. */
    private static final String OLD_LIST_INDEX = "agency_direction_position";
    private static final int LOAD_CHUNK = 1000;

    private final PositionedStore letters;
    private final PositionedStore registerRows;
    private final MongoCollection<Document> reads;
    private final MongoCollection<Document> list;
    private final LetterListIndex listIndex;

    public LetterStore(MongoDatabase db) {
        this(db, false);
    }

    /**
     * {@code listInMemory}: for the embedded store, whose server scans for every list; the lists are then filtered in
     * memory ({@link LetterListIndex}, filled by {@link #loadListIndex}) and only their pages read from the store. Only
     * for the one process that writes the store's views.
     */
    public LetterStore(MongoDatabase db, boolean listInMemory) {
        this.list = db.getCollection(LETTER_LIST);
        this.listIndex = listInMemory ? new LetterListIndex() : null;
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

    /** The lists in memory, or null when the store's own queries serve them. */
    LetterListIndex listIndex() {
        return listIndex;
    }

    /**
     * The letter's entry in {@link #LETTER_LIST}, as it was just written: held in memory first (when lists are), so
     * that whoever sees the entry's position in the store finds the entry in memory too.
     */
    private void listed(Document letter) {
        Document entry = listEntry(letter);
        if (listIndex != null) {
            listIndex.put(entry);
        }
        list.replaceOne(Filters.eq("_id", entry.get("_id")), entry,
                new ReplaceOptions().upsert(true));
    }

    /**
     * Fills {@link #LETTER_LIST} from the letters when it lacks some (a store from before it); idempotent. Runs at
     * every start, so it compares the collections' sizes as the server keeps them, without reading a document.
     */
    public void fillList() {
        if (list.estimatedDocumentCount() == letters.collection().estimatedDocumentCount()) {
            return;
        }
        for (Document letter : letters.collection().find().projection(Projections.include(
                LIST_FIELDS)).batchSize(200)) {
            listed(letter);
        }
    }

    /** How many letters the lists in memory hold; 0 when the lists are not held in memory. */
    public int listedInMemory() {
        return listIndex == null ? 0 : listIndex.size();
    }

    /** Drops {@link #LETTER_LIST}, and the lists in memory with it (a rebuild). */
    public void dropList() {
        list.drop();
        if (listIndex != null) {
            listIndex.clear();
        }
    }

    /**
     * Fills the lists in memory from {@link #LETTER_LIST} (at start, before the projection runs): the ids in one
     * reply, then the entries by {@code _id}, {@value #LOAD_CHUNK} at a time, which the embedded server looks up in
     * its index, so that other requests go in between. Nothing when the lists are not held in memory.
     */
    public void loadListIndex() {
        if (listIndex == null) {
            return;
        }
        listIndex.clear();
        List<Object> ids = list.find().projection(Projections.include("_id")).into(new ArrayList<>()).stream()
                .map(d -> d.get("_id")).toList();
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            list.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK))))
                    .projection(Projections.include(LetterListIndex.FIELDS)).forEach(listIndex::put);
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
        // the list order is the position, then the id (letters one event changed); the index serves both
        list.createIndex(Indexes.compoundIndex(Indexes.ascending("agencyCode", "direction"),
                Indexes.descending("position", "_id")), new IndexOptions().name(LIST_INDEX));
        if (list.listIndexes().into(new ArrayList<>()).stream().anyMatch(i -> OLD_LIST_INDEX.equals(i.getString("name")))) {
            list.dropIndex(OLD_LIST_INDEX); // its prefix of the one above
        }
        reads.createIndex(Indexes.ascending("personId"), new IndexOptions().name("person"));
        letters.collection().createIndex(Indexes.ascending("agencyCode", LetterSearch.GRAMS),
                new IndexOptions().name("agency_search_grams"));
        registerRows.collection().createIndex(Indexes.ascending("agencyCode", "book", "yearBE", "registerNumber"),
                new IndexOptions().name("agency_book_year_number"));
    }
}
