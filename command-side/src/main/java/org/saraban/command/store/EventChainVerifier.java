package org.saraban.command.store;

import static com.mongodb.client.model.Filters.in;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * Walks the whole event log in global order and checks the hash chain ({@link EventChain}): each event's hash
 * recomputed from what is stored, each {@code prevHash} equal to the hash before it, no position missing once
 * the chain has begun. It names the first event where the chain breaks. Reads by {@code _id} in windows, the
 * lookup both MongoDB and the embedded server answer from the index.
 */
public final class EventChainVerifier {

    static final int WINDOW = 500;

    private final MongoCollection<Document> events;

    public EventChainVerifier(MongoDatabase db) {
        this.events = db.getCollection(MongoEventStorageEngine.EVENTS);
    }

    /** What the walk found; {@code brokenAt} and {@code problem} are null when the chain is intact. */
    public record Report(boolean intact, long checked, long unchained, long headPosition, String headHash,
                         Long brokenAt, String problem) {
    }

    public Report verify() {
        Document highest = events.find().sort(Sorts.descending("_id")).limit(1).projection(new Document("_id", 1))
                .first();
        long last = highest == null ? 0 : highest.get("_id", Number.class).longValue();
        long checked = 0;
        long unchained = 0;
        String previous = null; // the hash of the last chained event; null before the chain begins
        long headPosition = 0;
        for (long from = 1; from <= last; from += WINDOW) {
            long to = Math.min(last, from + WINDOW - 1);
            Map<Long, Document> found = new HashMap<>();
            List<Long> wanted = LongStream.rangeClosed(from, to).boxed().toList();
            for (Document d : events.find(in("_id", wanted))) {
                found.put(d.get("_id", Number.class).longValue(), d);
            }
            for (long p = from; p <= to; p++) {
                Document d = found.get(p);
                if (d == null) {
                    if (previous != null) {
                        return broken(checked, unchained, headPosition, previous, p,
                                "missing: no event is stored at this position, and the chain passes through it");
                    }
                    continue; // before the chain began, a position may have been handed out and never used
                }
                String hash = d.getString(EventChain.HASH);
                String prevHash = d.getString(EventChain.PREV_HASH);
                if (hash == null || prevHash == null) {
                    if (previous != null) {
                        return broken(checked, unchained, headPosition, previous, p,
                                "unchained: the event carries no hash, but the chain began before it");
                    }
                    unchained++;
                    continue;
                }
                String expectedPrev = previous == null ? EventChain.GENESIS : previous;
                if (!expectedPrev.equals(prevHash)) {
                    return broken(checked, unchained, headPosition, previous, p,
                            "link: its prevHash is not the hash of the event before it (inserted, removed or moved)");
                }
                if (!EventChain.hash(d).equals(hash)) {
                    return broken(checked, unchained, headPosition, previous, p,
                            "altered: what is stored no longer hashes to the event's hash");
                }
                previous = hash;
                headPosition = p;
                checked++;
            }
        }
        return new Report(true, checked, unchained, headPosition, previous, null, null);
    }

    private static Report broken(long checked, long unchained, long headPosition, String headHash, long at,
                                 String problem) {
        return new Report(false, checked, unchained, headPosition, headHash, at, problem);
    }
}
