package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.query.support.EmbeddedMongoServer;

/** The lists in memory: their order is the store's, ties included, and a stale entry never replaces a newer one. */
class LetterListIndexTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private static Document entry(String id, long position, String agency, String direction, String status) {
        return new Document("_id", id).append("id", id).append("position", position).append("agencyCode", agency)
                .append("direction", direction).append("status", status);
    }

    @Test
    void letters_changed_by_one_event_are_listed_in_the_order_the_store_sorts_them() {
        MongoCollection<Document> list = MONGO.newDatabase().getCollection(LetterStore.LETTER_LIST);
        LetterListIndex index = new LetterListIndex();
        // a transfer, a loan or a PDPA decision changes several letters at one position
        for (Document d : List.of(entry("b", 7, "A", "OUTGOING", "FILED"), entry("c", 7, "A", "OUTGOING", "FILED"),
                entry("a", 7, "A", "OUTGOING", "FILED"), entry("d", 9, "A", "OUTGOING", "DRAFT"),
                entry("e", 3, "A", "OUTGOING", "DRAFT"), entry("f", 8, "A", "INCOMING", "RECEIVED"),
                entry("g", 8, "B", "OUTGOING", "DRAFT"))) {
            index.put(d);
            list.insertOne(d);
        }
        List<String> sorted = list.find(Filters.and(Filters.eq("agencyCode", "A"), Filters.eq("direction", "OUTGOING")))
                .sort(Sorts.descending("position", "_id")).map(d -> d.getString("_id")).into(new ArrayList<>());

        LetterListIndex.Slice all = index.page("A", "OUTGOING", e -> true, 0, 50);

        assertThat(all.ids()).containsExactlyElementsOf(sorted).containsExactly("d", "c", "b", "a", "e");
        assertThat(all.total()).isEqualTo(5);
        LetterListIndex.Slice second = index.page("A", "OUTGOING", e -> true, 2, 2);
        assertThat(second.ids()).containsExactly("b", "a");
        assertThat(second.total()).isEqualTo(5);
        assertThat(index.page("A", "OUTGOING", e -> "DRAFT".equals(e.status()), 0, 50).ids()).containsExactly("d", "e");
        assertThat(index.page("B", "INCOMING", e -> true, 0, 50).total()).isZero();
    }

    @Test
    void an_entry_moves_when_its_letter_changes_and_an_older_one_is_ignored() {
        LetterListIndex index = new LetterListIndex();
        index.put(entry("x", 1, "A", "OUTGOING", "DRAFT"));
        index.put(entry("y", 2, "A", "OUTGOING", "DRAFT"));
        index.put(entry("x", 5, "A", "OUTGOING", "DISPATCHED"));

        assertThat(index.page("A", "OUTGOING", e -> true, 0, 50).ids()).containsExactly("x", "y");
        assertThat(index.size()).isEqualTo(2);

        index.put(entry("x", 4, "A", "OUTGOING", "PENDING_APPROVAL")); // the load at start reading an older copy

        assertThat(index.page("A", "OUTGOING", e -> "DISPATCHED".equals(e.status()), 0, 50).ids()).containsExactly("x");
        assertThat(index.page("A", "OUTGOING", e -> true, 0, 50).total()).isEqualTo(2);
    }
}
