package org.saraban.query.letter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import org.bson.Document;
import org.saraban.query.support.PositionedStore;

/**
 * The letters' list entries ({@link LetterStore#LETTER_LIST}) held in memory, per agency and direction in list order
 * (the last changed first), for the embedded store (ADR 0016). The embedded server answers an inbox or an outbox by
 * reading every list entry of the collection, twice (the count and the page), while other requests wait: at 500,000
 * letters no answer came within a minute. Here a list is filtered in memory and only its page is read from the store,
 * by {@code _id}.
 * <p>
 * It holds only what a list filters on and sorts by, and is kept by {@link LetterStore}: filled from the store at
 * start, and told of every list entry before the entry is written, so a client that waits for an entry's position in
 * the store finds it here too. That is only whole on the one node that writes the store's views, which the embedded
 * store is (it runs inside one process; a second node needs a real MongoDB, where the lists are read from the
 * {@code agency_direction_position_id} index instead).
 */
final class LetterListIndex {

    /** One letter as a list filters it. */
    record Entry(String id, long position, String agencyCode, String direction, String status, String urgency,
                 String kind, boolean unacknowledged, String secrecy, String ownerUnitCode, List<String> participants,
                 List<String> borrowerIds, List<String> routeUnits, List<String> addresseeUnits, String subject,
                 String number, String fromAgencyName, String receivingNumber, String date) {

        /** {@code shared}: one copy of each of the values that many letters repeat (codes, units, people, senders). */
        static Entry of(Document d, java.util.function.UnaryOperator<String> shared) {
            return new Entry(String.valueOf(d.get("_id")), d.get(PositionedStore.POSITION, Number.class).longValue(),
                    shared.apply(d.getString("agencyCode")), shared.apply(d.getString("direction")),
                    shared.apply(d.getString("status")), shared.apply(d.getString("urgency")),
                    shared.apply(d.getString("kind")), Boolean.TRUE.equals(d.get("unacknowledged")),
                    shared.apply(d.getString("secrecy")), shared.apply(d.getString("ownerUnitCode")),
                    strings(d, "participants", shared), strings(d, "borrowerIds", shared),
                    strings(d, "routeUnits", shared), strings(d, "addresseeUnits", shared), d.getString("subject"),
                    d.getString("number"), shared.apply(d.getString("fromAgencyName")), d.getString("receivingNumber"),
                    shared.apply(d.getString("date")));
        }

        private static List<String> strings(Document d, String field, java.util.function.UnaryOperator<String> shared) {
            List<String> values = d.getList(field, String.class, List.of());
            return values.isEmpty() ? List.of() : values.stream().map(shared).toList();
        }

        /** The field as the list entry holds it, for the rules shared with the store's documents. */
        Object get(String field) {
            return switch (field) {
                case "_id", "id" -> id;
                case "agencyCode" -> agencyCode;
                case "direction" -> direction;
                case "status" -> status;
                case "urgency" -> urgency;
                case "kind" -> kind;
                case "unacknowledged" -> unacknowledged;
                case "secrecy" -> secrecy;
                case "ownerUnitCode" -> ownerUnitCode;
                case "participants" -> participants;
                case "borrowerIds" -> borrowerIds;
                case "routeUnits" -> routeUnits;
                case "addresseeUnits" -> addresseeUnits;
                case "subject" -> subject;
                case "number" -> number;
                case "fromAgencyName" -> fromAgencyName;
                case "receivingNumber" -> receivingNumber;
                case "date" -> date;
                default -> throw new IllegalArgumentException("not held by the list index: " + field);
            };
        }
    }

    /** The fields an {@link Entry} is made of. */
    static final List<String> FIELDS = List.of("_id", PositionedStore.POSITION, "agencyCode", "direction",
            "status", "urgency", "kind", "unacknowledged", "secrecy", "ownerUnitCode", "participants", "borrowerIds",
            "routeUnits", "addresseeUnits", "subject", "number", "fromAgencyName", "receivingNumber", "date");

    /** A page of ids in list order, and how many entries matched in all. */
    record Slice(List<String> ids, long total) {
    }

    /** The list order: the last changed first; letters changed by one event, by id (the store's sort is the same). */
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::position).reversed()
            .thenComparing(Entry::id, Comparator.reverseOrder());

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, NavigableMap<Entry, Entry>> byBox = new HashMap<>();
    /** The values many entries repeat, held once (under the write lock). */
    private final Map<String, String> shared = new HashMap<>();

    /** Holds {@code entry} (a list entry as written), unless it holds the letter at a later position already. */
    void put(Document entry) {
        lock.writeLock().lock();
        try {
            Entry e = Entry.of(entry, v -> v == null ? null : shared.computeIfAbsent(v, k -> k));
            Entry old = byId.get(e.id());
            if (old != null) {
                if (old.position() > e.position()) {
                    return;
                }
                NavigableMap<Entry, Entry> box = byBox.get(key(old.agencyCode(), old.direction()));
                if (box != null) {
                    box.remove(old);
                }
            }
            byId.put(e.id(), e);
            byBox.computeIfAbsent(key(e.agencyCode(), e.direction()), k -> new TreeMap<>(ORDER)).put(e, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            byId.clear();
            byBox.clear();
            shared.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The {@code limit} ids after {@code skip} of the agency's letters in one direction that {@code wanted}, in order. */
    Slice page(String agencyCode, String direction, Predicate<Entry> wanted, long skip, int limit) {
        List<String> ids = new ArrayList<>(Math.min(limit, 200));
        long total = 0;
        lock.readLock().lock();
        try {
            NavigableMap<Entry, Entry> box = byBox.get(key(agencyCode, direction));
            if (box != null) {
                for (Entry e : box.keySet()) {
                    if (wanted.test(e)) {
                        if (total >= skip && ids.size() < limit) {
                            ids.add(e.id());
                        }
                        total++;
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return new Slice(ids, total);
    }

    /** The ids of the agency's letters, either direction, that {@code wanted}, in list order: the one changed last first. */
    List<String> ids(String agencyCode, Predicate<Entry> wanted) {
        List<Entry> entries = new ArrayList<>();
        lock.readLock().lock();
        try {
            byBox.forEach((key, box) -> {
                if (key.startsWith(agencyCode + "\u0000")) {
                    box.keySet().stream().filter(wanted).forEach(entries::add);
                }
            });
        } finally {
            lock.readLock().unlock();
        }
        entries.sort(ORDER);
        return entries.stream().map(Entry::id).toList();
    }

    private static String key(String agencyCode, String direction) {
        return agencyCode + "\u0000" + direction;
    }
}
