package org.saraban.query.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.support.PositionedStore;

/** Destruction lists and the survey behind them, for the agency's own people only. */
public class DestructionLists {

    private final PositionedStore lists;
    private final MongoCollection<Document> letters;
    private final PositionedStore transfers;

    public DestructionLists(MongoDatabase db) {
        this.transfers = new PositionedStore(db.getCollection(TransferListProjection.LISTS));
        this.lists = new PositionedStore(db.getCollection(DestructionListProjection.LISTS));
        this.letters = db.getCollection(LetterStore.LETTERS);
    }

    public Optional<Document> find(String id, Actor actor) {
        Document d = lists.get(id);
        if (d == null || actor.agencyCode() == null || !actor.agencyCode().equals(d.getString("agencyCode"))) {
            return Optional.empty();
        }
        d.remove("_id");
        d.remove("position");
        return Optional.of(d);
    }

    public List<Document> list(Actor actor) {
        List<Document> out = new ArrayList<>();
        lists.collection().find(eq("agencyCode", actor.agencyCode())).sort(Sorts.descending("preparedAt")).forEach(d -> {
            d.remove("_id");
            d.remove("position");
            out.add(d);
        });
        return out;
    }

    /**
     * The yearly survey: the agency's filed letters whose keeping ended by the end of {@code yearBE}
     * (เก็บถึง พ.ศ. ≤ yearBE), not permanent, not destroyed, with the content each has in the blob store.
     */
    public List<Document> candidates(Actor actor, int yearBE) {
        List<Document> out = new ArrayList<>();
        letters.find(and(eq("agencyCode", actor.agencyCode()), eq("status", "FILED"), eq("filing.permanent", false),
                lte("filing.keepUntilYearBE", yearBE))).sort(Sorts.ascending("filing.keepUntilYearBE")).forEach(d -> {
                    Document filing = d.get("filing", Document.class);
                    out.add(new Document("letterId", d.getString("id")).append("number", d.getString("number"))
                            .append("date", d.getString("date")).append("subject", d.getString("subject"))
                            .append("fileCode", filing.getString("fileCode"))
                            .append("keepUntilYearBE", filing.getInteger("keepUntilYearBE"))
                            .append("blobs", new ArrayList<>(blobsOf(d))));
                });
        return out;
    }

    /**
     * The 20-year survey: the agency's filed letters dated in {@code yearBE} − 20 or before (ครบ ๒๐ ปี in
     * {@code yearBE}), neither destroyed nor transferred.
     */
    public List<Document> twentyYears(Actor actor, int yearBE) {
        String last = (yearBE - 543 - 20) + "-12-31\uffff";
        List<Document> out = new ArrayList<>();
        letters.find(and(eq("agencyCode", actor.agencyCode()), eq("status", "FILED"), lte("date", last)))
                .sort(Sorts.ascending("date")).forEach(d -> {
                    Document filing = d.get("filing", Document.class);
                    out.add(new Document("letterId", d.getString("id")).append("number", d.getString("number"))
                            .append("date", d.getString("date")).append("subject", d.getString("subject"))
                            .append("fileCode", filing == null ? null : filing.getString("fileCode")));
                });
        return out;
    }

    public Optional<Document> transferList(String id, Actor actor) {
        Document d = transfers.get(id);
        if (d == null || actor.agencyCode() == null || !actor.agencyCode().equals(d.getString("agencyCode"))) {
            return Optional.empty();
        }
        d.remove("_id");
        d.remove("position");
        return Optional.of(d);
    }

    public boolean awaitTransferPosition(String id, long position, Duration timeout) {
        return transfers.awaitPosition(id, position, timeout);
    }

    /** Every content hash a letter's document names: its PDF and revisions, scan, signatures' PDFs, enclosures. */
    public static Set<String> blobsOf(Document d) {
        Set<String> out = new LinkedHashSet<>();
        collect(d, out);
        return out;
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof Document doc) {
            doc.forEach((k, v) -> {
                if (v instanceof String s && (k.equals("sha256") || k.endsWith("Sha256")) && s.matches("[0-9a-f]{64}")) {
                    out.add(s);
                } else {
                    collect(v, out);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        }
    }

    /** Every content hash named by a letter outside {@code except}: content those letters still need. */
    public Set<String> blobsNamedElsewhere(Set<String> except) {
        Set<String> named = new java.util.HashSet<>();
        // the search fields are large and name no content: leave them out of the scan
        Document withoutSearch = new Document("searchText", 0).append("searchGrams", 0).append("searchWords", 0);
        for (Document d : letters.find(com.mongodb.client.model.Filters.nin("id", except)).projection(withoutSearch)) {
            named.addAll(blobsOf(d));
        }
        return named;
    }

    public boolean awaitPosition(String id, long position, Duration timeout) {
        return lists.awaitPosition(id, position, timeout);
    }
}
