package org.saraban.command.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.saraban.api.common.EventMetadata;

/**
 * Axon event storage on MongoDB with a global position (DESIGN.md §2). Each append takes a contiguous
 * range of positions from a counter document ({@code findOneAndUpdate} + {@code $inc}) and stores one
 * document per event with {@code _id} = its position; readers track with Axon's
 * {@link GapAwareTrackingToken}, so an event whose append committed after a later position was read
 * (a gap) is still delivered once it appears. A unique index on (aggregateIdentifier, sequenceNumber)
 * turns concurrent appends to one aggregate into a {@code ConcurrencyException} for the loser.
 * <p>
 * Every read is a point lookup ({@code _id} or the unique {@code aggSeq} key, with {@code $in}), the
 * only kind of query the embedded server answers from an index; on a real MongoDB the same queries
 * use the same indexes.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String COUNTERS = "event_counters";
    private static final String COUNTER_ID = "globalIndex";
    /** The counter's field with the hash of the event at its position: the head of the chain. */
    static final String HEAD = "head";

    private final MongoClient client;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final boolean transactions;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int gapCleaningThreshold;
    private final Supplier<Instant> clock;
    /** Appends go one at a time, in global order (the chain needs the hash before them). */
    private final Object appendLock = new Object();
    /** Appends waiting for {@link #appendLock}: the thread that takes it stores every one waiting with its own. */
    private final ConcurrentLinkedQueue<PendingAppend> waiting = new ConcurrentLinkedQueue<>();
    /** The last stored position and its hash as this engine appended them; -1: read them first. */
    private long lastPosition = -1;
    private String lastHash;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.client = builder.client;
        MongoDatabase db = builder.database;
        this.events = db.getCollection(EVENTS);
        this.snapshots = db.getCollection(SNAPSHOTS);
        this.counters = db.getCollection(COUNTERS);
        this.transactions = builder.transactions;
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapCleaningThreshold = builder.gapCleaningThreshold;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes; idempotent. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true).name("aggregate_sequence"));
        events.createIndex(Indexes.ascending("aggSeq"), new IndexOptions().unique(true).name("aggSeq"));
        events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true).name("eventIdentifier"));
        repairCounter();
    }

    /**
     * The counter must be at the last stored position, with that event's hash as the chain's head, or a new
     * append would collide with a stored event or chain from the wrong one. It always is when the store kept
     * its writes in order; this restores it if it ever was not (a restored backup, a crash between an append's
     * events and its counter), before anything is appended.
     */
    public void repairCounter() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        if (counter == null) {
            try {
                counters.insertOne(new Document("_id", COUNTER_ID).append("value", 0L).append(HEAD, null));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            counter = counters.find(eq("_id", COUNTER_ID)).first();
        }
        Document highest = events.find().sort(Sorts.descending("_id")).limit(1)
                .projection(new Document("_id", 1).append(EventChain.HASH, 1)).first();
        long value = counter.get("value", Number.class).longValue();
        if (highest != null && (highest.getLong("_id") > value
                || highest.getLong("_id") == value && counter.getString(HEAD) == null)) {
            counters.updateOne(eq("_id", COUNTER_ID), Updates.combine(Updates.set("value", highest.getLong("_id")),
                    Updates.set(HEAD, highest.getString(EventChain.HASH))));
        }
        synchronized (appendLock) {
            lastPosition = -1;
        }
    }

    // ------------------------------------------------------------------ append

    /**
     * Appends in global order, each event chained to the one stored before it ({@link EventChain}). With
     * transactions the counter (last position and the chain's head) is read and advanced in the append's own
     * transaction, one append at a time. Without, appends that wait for the lock meanwhile are stored as one group
     * ({@link #appendInOrder(List)}): the events are written first at the positions after the counter's (one small
     * read; the chain's head is kept in memory while the counter agrees), the unique
     * {@code _id} refusing a position another node took meanwhile (then the head is read again and the append
     * retried), and the counter follows; a crash between the two is mended by {@link #repairCounter()}. Readers track up to the counter, so they never see an append that
     * has not finished, and no position is ever skipped.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<Document> docs;
        if (transactions) {
            synchronized (appendLock) {
                docs = appendInTransaction(eventMessages, serializer);
            }
        } else {
            PendingAppend mine = new PendingAppend(eventMessages, serializer);
            waiting.add(mine);
            synchronized (appendLock) {
                if (!mine.done) {
                    List<PendingAppend> group = new ArrayList<>();
                    for (PendingAppend p = waiting.poll(); p != null; p = waiting.poll()) {
                        group.add(p);
                    }
                    try {
                        appendInOrder(group);
                    } finally {
                        // only an Error leaves one unfinished: its owner must not wait for an outcome that never comes
                        group.stream().filter(p -> !p.done).forEach(p -> p.failed(
                                new EventStoreException("the append's group failed before it was stored")));
                    }
                }
            }
            // done, stored and failed were set under appendLock, which this thread has held since
            if (mine.failed != null) {
                throw mine.failed;
            }
            docs = mine.stored;
        }
        for (Document d : docs) {
            AppendedPositions.record(d.getString("aggregateIdentifier"), d.getLong("_id"));
        }
    }

    private List<Document> appendInTransaction(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        try (ClientSession session = client.startSession()) {
            return session.withTransaction(() -> {
                Document counter = counters.find(session, eq("_id", COUNTER_ID)).first();
                long last = counter == null ? 0 : counter.get("value", Number.class).longValue();
                String head = counter == null || counter.getString(HEAD) == null ? EventChain.GENESIS
                        : counter.getString(HEAD);
                List<Document> docs = chained(eventMessages, last + 1, head, serializer);
                try {
                    events.insertMany(session, docs, new InsertManyOptions().ordered(true));
                } catch (RuntimeException e) {
                    handlePersistenceException(e, eventMessages.get(failedIndex(e)));
                }
                Document end = docs.get(docs.size() - 1);
                counters.updateOne(session, eq("_id", COUNTER_ID), Updates.combine(
                        Updates.set("value", end.getLong("_id")), Updates.set(HEAD, end.getString(EventChain.HASH))),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                return docs;
            });
        }
    }

    /** One caller's append, waiting to be stored with the others that came meanwhile. */
    private static final class PendingAppend {
        final List<? extends EventMessage<?>> events;
        final Serializer serializer;
        boolean done;
        List<Document> stored;
        RuntimeException failed;

        PendingAppend(List<? extends EventMessage<?>> events, Serializer serializer) {
            this.events = events;
            this.serializer = serializer;
        }

        void stored(List<Document> docs) {
            stored = docs;
            done = true;
        }

        void failed(RuntimeException e) {
            failed = e;
            done = true;
        }
    }

    /**
     * Stores a group of appends as one: each one's events together and in its order, chained after the one before,
     * in one ordered insert, then one counter update. An append that cannot be stored (a sequence number that
     * exists: a concurrency conflict) fails alone; what the insert wrote before it is taken back, and the others
     * are stored again without it. Any other failure (the store away) fails every append of the group: none is
     * acknowledged. Never throws: each append's outcome is set on it.
     */
    private void appendInOrder(List<PendingAppend> group) {
        List<PendingAppend> left = new ArrayList<>(group);
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            List<Document> docs = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            try {
                Document counter = counters.find(eq("_id", COUNTER_ID)).projection(new Document("value", 1)).first();
                if (lastPosition < 0 || counter == null
                        || counter.get("value", Number.class).longValue() != lastPosition) {
                    loadHead(); // the counter moved without this engine (a repair, a position reserved elsewhere)
                }
            } catch (RuntimeException e) {
                failAll(left, e);
                return;
            }
            long next = lastPosition + 1;
            String previous = lastHash;
            List<PendingAppend> chainedOnes = new ArrayList<>();
            for (PendingAppend p : left) {
                List<Document> mine;
                try {
                    mine = chained(p.events, next, previous, p.serializer);
                } catch (RuntimeException e) {
                    p.failed(e); // an event that cannot be serialized fails its own append only
                    continue;
                }
                starts.add(docs.size());
                chainedOnes.add(p);
                docs.addAll(mine);
                next += mine.size();
                previous = mine.get(mine.size() - 1).getString(EventChain.HASH);
            }
            left = chainedOnes;
            if (left.isEmpty()) {
                return;
            }
            try {
                events.insertMany(docs, new InsertManyOptions().ordered(true));
            } catch (RuntimeException e) {
                undoPartialAppend(docs, e);
                if (positionTaken(e) && attempt < 50) {
                    lastPosition = -1; // another node appended: find the new head, and chain the group after it
                    continue;
                }
                if (!(e instanceof MongoBulkWriteException bulk) || bulk.getWriteErrors().isEmpty()) {
                    failAll(left, e);
                    return;
                }
                // the append whose event the store refused fails; the others go again without it
                int at = failedIndex(e);
                int owner = 0;
                while (owner + 1 < starts.size() && starts.get(owner + 1) <= at) {
                    owner++;
                }
                PendingAppend refused = left.get(owner);
                refused.failed(translated(e, refused.events.get(at - starts.get(owner))));
                left.remove(owner);
                continue;
            }
            Document end = docs.get(docs.size() - 1);
            lastPosition = end.getLong("_id");
            lastHash = end.getString(EventChain.HASH);
            try {
                counters.updateOne(and(eq("_id", COUNTER_ID), com.mongodb.client.model.Filters.lt("value", lastPosition)),
                        Updates.combine(Updates.set("value", lastPosition), Updates.set(HEAD, lastHash)));
            } catch (RuntimeException e) {
                // the events are stored but the counter is behind: readers do not see them yet, and the next append
                // or repairCounter mends it; not acknowledged, as before when the counter's update failed
                lastPosition = -1;
                failAll(left, e);
                return;
            }
            for (int i = 0; i < left.size(); i++) {
                int from = starts.get(i);
                int to = i + 1 < starts.size() ? starts.get(i + 1) : docs.size();
                left.get(i).stored(new ArrayList<>(docs.subList(from, to)));
            }
            return;
        }
    }

    /**
     * Stores these appends as one group, as if they had all waited for the lock together (for tests: which appends
     * share a group otherwise depends on timing). Each append's failure, or null where it was stored.
     */
    List<RuntimeException> appendAsOneGroup(List<List<? extends EventMessage<?>>> appends) {
        List<PendingAppend> group = appends.stream().map(a -> new PendingAppend(a, getEventSerializer())).toList();
        synchronized (appendLock) {
            appendInOrder(group);
        }
        return group.stream().map(p -> p.failed).toList();
    }

    /** Fails every one of {@code appends} with what the store's failure means for its first event: none is acknowledged. */
    private void failAll(List<PendingAppend> appends, RuntimeException e) {
        appends.forEach(p -> p.failed(translated(e, p.events.get(0))));
    }

    /** What {@link #handlePersistenceException} makes of a store failure for this event, as an exception to keep. */
    private RuntimeException translated(RuntimeException e, EventMessage<?> event) {
        try {
            handlePersistenceException(e, event);
            return e;
        } catch (RuntimeException translated) {
            return translated;
        }
    }

    /** The last stored position and its hash: the counter's, then anything stored after it (another node's). */
    private void loadHead() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        long last = counter == null ? 0 : counter.get("value", Number.class).longValue();
        String head = counter == null || counter.getString(HEAD) == null ? null : counter.getString(HEAD);
        if (head == null && last > 0) {
            Document at = events.find(eq("_id", last)).projection(new Document(EventChain.HASH, 1)).first();
            head = at == null ? null : at.getString(EventChain.HASH);
        }
        while (true) {
            List<Long> ahead = LongStream.rangeClosed(last + 1, last + 64).boxed().toList();
            Map<Long, String> stored = new HashMap<>();
            events.find(in("_id", ahead)).projection(new Document(EventChain.HASH, 1))
                    .forEach(d -> stored.put(d.getLong("_id"), d.getString(EventChain.HASH)));
            if (!stored.containsKey(last + 1)) {
                break;
            }
            while (stored.containsKey(last + 1)) {
                last++;
                head = stored.get(last);
            }
        }
        lastPosition = last;
        lastHash = head == null ? EventChain.GENESIS : head; // a store from before the chain: it begins here
    }

    /** The events as stored documents at {@code first}, {@code first + 1}, ..., each chained to the one before. */
    private List<Document> chained(List<? extends EventMessage<?>> eventMessages, long first, String prevHash,
                                   Serializer serializer) {
        Date appendedAt = Date.from(clock.get());
        List<Document> docs = new ArrayList<>(eventMessages.size());
        String previous = prevHash;
        for (int i = 0; i < eventMessages.size(); i++) {
            // the event's own position travels in its metadata: a gap-aware token cannot tell it to a handler
            DomainEventMessage<?> event = asDomainEventMessage(eventMessages.get(i))
                    .andMetaData(Map.of(EventMetadata.GLOBAL_INDEX, first + i));
            Document d = toDocument(event, first + i, appendedAt, serializer);
            d.put(EventChain.PREV_HASH, previous);
            previous = EventChain.hash(previous, d);
            d.put(EventChain.HASH, previous);
            docs.add(d);
        }
        return docs;
    }

    /** A duplicate of the position ({@code _id}), not of the aggregate's sequence: another node took it. */
    private static boolean positionTaken(RuntimeException e) {
        String message = e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                ? bulk.getWriteErrors().get(0).getMessage() : e.getMessage();
        boolean duplicate = e instanceof MongoBulkWriteException bulk
                ? bulk.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                        == ErrorCategory.DUPLICATE_KEY)
                : e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        return duplicate && message != null && message.contains("_id_");
    }

    /**
     * Without a transaction an ordered {@code insertMany} keeps the documents before the one that failed.
     * One append may hold several aggregates' events (a cancel: the letter's and its register book's), so
     * remove them to keep the append all or nothing. Only documents this append wrote are removed (position
     * and event identifier both match): never another append's event, even if a position was taken twice.
     */
    private void undoPartialAppend(List<Document> docs, RuntimeException cause) {
        try {
            events.deleteMany(and(in("_id", docs.stream().map(d -> d.get("_id")).toList()),
                    in("eventIdentifier", docs.stream().map(d -> d.get("eventIdentifier")).toList())));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static int failedIndex(RuntimeException e) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return bulk.getWriteErrors().get(0).getIndex();
        }
        return 0;
    }

    private Document toDocument(DomainEventMessage<?> event, long globalIndex, Date appendedAt, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document("_id", globalIndex)
                .append("aggregateIdentifier", event.getAggregateIdentifier())
                .append("sequenceNumber", event.getSequenceNumber())
                .append("aggSeq", aggSeq(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append("type", event.getType())
                .append("eventIdentifier", event.getIdentifier())
                .append("timestamp", event.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData())
                .append("appendedAt", appendedAt);
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        // an event without an aggregate is stored as the only event of a stream named after itself
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private static String aggSeq(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    // ------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document doc = new Document("_id", snapshot.getAggregateIdentifier())
                .append("sequenceNumber", snapshot.getSequenceNumber())
                .append("type", snapshot.getType())
                .append("eventIdentifier", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        // one snapshot per aggregate: the newest replaces the older one
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document d = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (d == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(d.getString("type"), aggregateIdentifier,
                d.get("sequenceNumber", Number.class).longValue(), d.getString("eventIdentifier"),
                d.getString("timestamp"), d.getString("payloadType"), d.getString("payloadRevision"),
                d.getString("payload"), d.getString("metaData")));
    }

    // ------------------------------------------------------------------ reading an aggregate

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + batchSize)
                .mapToObj(seq -> aggSeq(aggregateIdentifier, seq)).toList();
        List<Document> found = events.find(in("aggSeq", keys)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(d -> d.get("sequenceNumber", Number.class).longValue()));
        List<DomainEventData<?>> result = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document d : found) {
            if (d.get("sequenceNumber", Number.class).longValue() != expected) {
                break; // a stream never has holes; stop at one rather than skip an event
            }
            result.add(domainEntry(d));
            expected++;
        }
        return result;
    }

    @Override
    public java.util.Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document d = events.find(eq("aggregateIdentifier", aggregateIdentifier))
                .sort(Sorts.descending("sequenceNumber")).limit(1).first();
        return d == null ? java.util.Optional.empty()
                : java.util.Optional.of(d.get("sequenceNumber", Number.class).longValue());
    }

    private static GenericDomainEventEntry<String> domainEntry(Document d) {
        String aggregateIdentifier = d.getString("aggregateIdentifier");
        String eventIdentifier = d.getString("eventIdentifier");
        return new GenericDomainEventEntry<>(d.getString("type"),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                d.get("sequenceNumber", Number.class).longValue(), eventIdentifier, d.getString("timestamp"),
                d.getString("payloadType"), d.getString("payloadRevision"), d.getString("payload"),
                d.getString("metaData"));
    }

    // ------------------------------------------------------------------ tracking

    /** The highest position handed out so far; events up to it are stored or about to be (or failed). */
    public long headPosition() {
        Document counter = counters.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("expected a GapAwareTrackingToken, got " + lastToken);
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        if (token != null && token.getGaps().size() > gapCleaningThreshold) {
            token = cleanGaps(token);
        }
        long head = headPosition();
        long from = token == null ? 0 : token.getIndex();
        SortedSet<Long> gaps = token == null ? new TreeSet<>() : token.getGaps();
        List<Document> found = new ArrayList<>();
        long windowStart = from + 1;
        // Positions handed out but never stored (a failed append) leave a run of nothing; step over it in
        // windows until something is found or the head is reached.
        do {
            long windowEnd = Math.min(windowStart + batchSize - 1, head);
            List<Long> wanted = new ArrayList<>(gaps);
            for (long p = windowStart; p <= windowEnd; p++) {
                wanted.add(p);
            }
            if (!wanted.isEmpty()) {
                found = events.find(in("_id", wanted)).into(new ArrayList<>());
            }
            windowStart = windowEnd + 1;
        } while (found.isEmpty() && windowStart <= head && windowStart - from < 100L * batchSize);
        if (found.isEmpty() && windowStart <= head) {
            // A run longer than the windows cover: one range query finds what follows it. Returning nothing
            // here would leave the tracker at this token for good.
            found = events.find(and(gte("_id", windowStart), lte("_id", head))).sort(Sorts.ascending("_id"))
                    .limit(batchSize).into(new ArrayList<>());
        }
        found.sort(Comparator.comparingLong(d -> d.getLong("_id")));

        Instant gapHorizon = clock.get().minus(gapTimeout);
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        GapAwareTrackingToken previous = token;
        for (Document d : found) {
            long position = d.getLong("_id");
            boolean allowGaps = d.getDate("appendedAt").toInstant().isAfter(gapHorizon);
            GapAwareTrackingToken next;
            if (previous == null) {
                SortedSet<Long> initialGaps = allowGaps
                        ? LongStream.range(1, position).boxed().collect(TreeSet::new, TreeSet::add, TreeSet::addAll)
                        : new TreeSet<>();
                next = GapAwareTrackingToken.newInstance(position, initialGaps);
            } else {
                next = previous.advanceTo(position, allowGaps ? maxGapOffset : 0);
            }
            result.add(new TrackedDomainEventData<>(next, domainEntry(d)));
            previous = next;
        }
        return result;
    }

    /**
     * Drops gaps that can no longer fill: a position is handed out before the next one, so once the
     * event right after a gap has been stored for longer than the gap timeout, the gap's append failed.
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token) {
        List<Long> successors = token.getGaps().stream().map(g -> g + 1).toList();
        Map<Long, Instant> stored = new HashMap<>();
        for (Document d : events.find(in("_id", successors)).projection(new Document("appendedAt", 1))) {
            stored.put(d.getLong("_id"), d.getDate("appendedAt").toInstant());
        }
        Instant horizon = clock.get().minus(gapTimeout);
        SortedSet<Long> keep = new TreeSet<>();
        List<Long> descending = new ArrayList<>(token.getGaps());
        descending.sort(Comparator.reverseOrder());
        java.util.Set<Long> stale = new java.util.HashSet<>();
        for (long gap : descending) {
            Instant successorAt = stored.get(gap + 1);
            boolean isStale = stale.contains(gap + 1) || (successorAt != null && successorAt.isBefore(horizon));
            if (isStale) {
                stale.add(gap);
            } else {
                keep.add(gap);
            }
        }
        return GapAwareTrackingToken.newInstance(token.getIndex(), keep);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    /**
     * The head, with the last positions that are handed out but not stored yet as gaps, so a processor
     * that starts at the head still gets an append that was in flight.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = headPosition();
        if (head == 0) {
            return null;
        }
        long from = Math.max(1, head - 100);
        List<Long> window = LongStream.rangeClosed(from, head).boxed().toList();
        java.util.TreeSet<Long> present = new java.util.TreeSet<>();
        events.find(in("_id", window)).projection(new Document("_id", 1)).forEach(d -> present.add(d.getLong("_id")));
        if (present.isEmpty()) {
            // nothing of the last positions is stored (yet): start just before them, without gaps
            return from <= 1 ? null : GapAwareTrackingToken.newInstance(from - 1, List.of());
        }
        // The index is the highest stored position; missing positions below it are gaps (in flight),
        // and anything handed out above it will be read as new.
        long index = present.last();
        Collection<Long> gaps = window.stream().filter(p -> p < index && !present.contains(p)).toList();
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(gte("appendedAt", Date.from(dateTime))).sort(Sorts.ascending("_id")).limit(1).first();
        if (first == null) {
            return createHeadToken();
        }
        long position = first.getLong("_id");
        return position <= 1 ? null : GapAwareTrackingToken.newInstance(position - 1, List.of());
    }

    /** Number of stored events (for reports and tests). */
    public long countEvents() {
        return events.countDocuments();
    }

    /** Reads stored events in global order after {@code position}: for rebuilds and verification. */
    public List<Document> rawEventsAfter(long position, int limit) {
        Bson filter = gt("_id", position);
        return events.find(filter).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
    }

    // ------------------------------------------------------------------ builder

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoClient client;
        private MongoDatabase database;
        private boolean transactions;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int gapCleaningThreshold = 250;
        private Supplier<Instant> clock = Instant::now;

        public Builder() {
            persistenceExceptionResolver(duplicateKeyResolver());
        }

        public Builder client(MongoClient client) {
            this.client = client;
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Store each append in a multi-document transaction (replica sets and sharded clusters only). */
        public Builder transactions(boolean transactions) {
            this.transactions = transactions;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Supplier<Instant> clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("a MongoDatabase is required");
            }
            if (transactions && client == null) {
                throw new IllegalStateException("transactions need the MongoClient");
            }
            return new MongoEventStorageEngine(this);
        }

        static PersistenceExceptionResolver duplicateKeyResolver() {
            return e -> {
                if (e instanceof MongoWriteException w) {
                    return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
                }
                if (e instanceof MongoBulkWriteException b) {
                    return b.getWriteErrors().stream()
                            .anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
                }
                return false;
            };
        }
    }
}
