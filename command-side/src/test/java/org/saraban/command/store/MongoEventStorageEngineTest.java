package org.saraban.command.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.api.register.RegisterBookId;
import org.saraban.command.register.RegisterBook;

/**
 * The event storage engine against the embedded MongoDB server through the real driver and real BSON,
 * with the Jackson serializer the application uses.
 */
class MongoEventStorageEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:30:00Z");
    private static final PersonRef CLERK = new PersonRef("p-clerk", "นางสาวสารบรรณ", "เจ้าพนักงานธุรการ", "สพร", "๐๑");
    private static final RegisterBookId BOOK = new RegisterBookId("สพร", RegisterBookType.SENT, 2569);
    private static final String A = BOOK.value();
    private static final String B = new RegisterBookId("สพร", RegisterBookType.CIRCULAR, 2569).value();
    private static final String C = new RegisterBookId("สพร", RegisterBookType.ORDER, 2569).value();
    private static final String D = new RegisterBookId("สพร", RegisterBookType.RECEIVED, 2569).value();

    private static EmbeddedMongo embedded;
    private static MongoClient client;

    private final AtomicReference<Instant> clock = new AtomicReference<>(T0);
    private JacksonSerializer serializer;
    private MongoDatabase db;
    private MongoEventStorageEngine engine;

    /** A snapshot payload: the state of a register book at one sequence number. */
    record BookState(String bookId, long lastNumber) {
    }

    @BeforeAll
    static void startServer() {
        embedded = EmbeddedMongo.inMemory();
        client = MongoClients.create(embedded.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        embedded.close();
    }

    @BeforeEach
    void setUp() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build();
        serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        db = client.getDatabase("events_" + UUID.randomUUID().toString().replace("-", ""));
        engine = engine(10);
        AppendedPositions.reset();
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private MongoEventStorageEngine engine(int batchSize) {
        MongoEventStorageEngine e = MongoEventStorageEngine.builder()
                .client(client)
                .database(db)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .gapTimeout(Duration.ofSeconds(60))
                .clock(clock::get)
                .build();
        e.ensureIndexes();
        return e;
    }

    // ------------------------------------------------------------------ helpers

    private static NumberIssuedEvent issued(String book, long n) {
        return new NumberIssuedEvent(book, "สพร", RegisterBookType.SENT, 2569, n, "letter-" + n, CLERK, T0);
    }

    /** The event at {@code seq} of a book's stream: it issues number seq + 1. */
    private static DomainEventMessage<NumberIssuedEvent> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("RegisterBook", aggregate, seq, issued(aggregate, seq + 1),
                MetaData.with("correlationId", "c-" + aggregate + "-" + seq));
    }

    private static List<DomainEventMessage<?>> events(String aggregate, long fromSeq, int count) {
        return LongStream.range(fromSeq, fromSeq + count).<DomainEventMessage<?>>mapToObj(s -> event(aggregate, s))
                .toList();
    }

    private void append(EventMessage<?>... events) {
        engine.appendEvents(List.of(events));
    }

    private List<TrackedEventMessage<?>> track(TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.<TrackedEventMessage<?>>toList());
    }

    private static List<Object> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(e -> (Object) e.getPayload()).toList();
    }

    private static GapAwareTrackingToken token(TrackedEventMessage<?> e) {
        return (GapAwareTrackingToken) e.trackingToken();
    }

    private static List<Long> positions(List<TrackedEventMessage<?>> tracked) {
        return tracked.stream().map(e -> token(e).getIndex()).toList();
    }

    private static GapAwareTrackingToken last(List<TrackedEventMessage<?>> tracked) {
        return token(tracked.get(tracked.size() - 1));
    }

    private MongoCollection<Document> eventsCollection() {
        return db.getCollection(MongoEventStorageEngine.EVENTS);
    }

    /** Hands out positions without storing anything, as an append that has not written yet (or never will). */
    private void reservePositions(long count) {
        db.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(eq("_id", "globalIndex"),
                Updates.inc("value", count), new UpdateOptions().upsert(true));
    }

    private List<DomainEventMessage<?>> readAggregate(String aggregate) {
        DomainEventStream stream = engine.readEvents(aggregate);
        List<DomainEventMessage<?>> result = new ArrayList<>();
        stream.forEachRemaining(result::add);
        return result;
    }

    // ================================================================== one aggregate's stream

    @Nested
    class AggregateStreams {

        @Test
        void events_are_read_back_in_order_across_several_batches() {
            List<DomainEventMessage<?>> written = events(A, 0, 25);
            append(written.subList(0, 7).toArray(EventMessage[]::new));
            append(written.subList(7, 15).toArray(EventMessage[]::new));
            append(written.subList(15, 25).toArray(EventMessage[]::new));

            List<DomainEventMessage<?>> read = readAggregate(A);

            assertThat(read).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactlyElementsOf(LongStream.range(0, 25).boxed().toList());
            assertThat(read).extracting(EventMessage::getIdentifier)
                    .containsExactlyElementsOf(written.stream().map(EventMessage::getIdentifier).toList());
            assertThat(payloads(read)).containsExactlyElementsOf(payloads(written));
            DomainEventMessage<?> last = read.get(24);
            assertThat(last.getAggregateIdentifier()).isEqualTo(A);
            assertThat(last.getType()).isEqualTo("RegisterBook");
            assertThat(last.getTimestamp()).isEqualTo(written.get(24).getTimestamp());
            assertThat(last.getMetaData()).containsEntry("correlationId", "c-" + A + "-24");
            // the engine fetches by batches of 10: 10 + 10 + 5
            assertThat(engine.fetchDomainEvents(A, 0, 10)).hasSize(10);
            assertThat(engine.fetchDomainEvents(A, 20, 10)).hasSize(5);
        }

        @Test
        void reading_from_a_sequence_number_skips_the_earlier_events() {
            append(events(A, 0, 25).toArray(EventMessage[]::new));

            List<DomainEventMessage<?>> read = new ArrayList<>();
            engine.readEvents(A, 18).forEachRemaining(read::add);

            assertThat(read).extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactly(18L, 19L, 20L, 21L, 22L, 23L, 24L);
        }

        @Test
        void streams_of_different_aggregates_do_not_mix() {
            append(event(A, 0), event(B, 0), event(A, 1));
            append(event(B, 1), event(C, 0));

            assertThat(readAggregate(A)).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly(A)
                    .hasSize(2);
            assertThat(payloads(readAggregate(B)))
                    .containsExactly(issued(B, 1), issued(B, 2));
            assertThat(engine.lastSequenceNumberFor(A)).contains(1L);
            assertThat(engine.lastSequenceNumberFor(C)).contains(0L);
            assertThat(engine.lastSequenceNumberFor("register:nobody")).isEmpty();
            assertThat(readAggregate("register:nobody")).isEmpty();
        }

        @Test
        void each_event_is_stored_as_readable_json_under_its_global_position() {
            append(event(A, 0), event(A, 1));

            Document second = eventsCollection().find(eq("_id", 2L)).first();
            assertThat(second).isNotNull();
            assertThat(second.getString("aggregateIdentifier")).isEqualTo(A);
            assertThat(second.getLong("sequenceNumber")).isEqualTo(1L);
            assertThat(second.getString("payloadType")).isEqualTo(NumberIssuedEvent.class.getName());
            assertThat(second.getString("payloadRevision")).isEqualTo("1");
            assertThat(second.getString("payload")).contains("\"registerNumber\":2").contains("นางสาวสารบรรณ");
            assertThat(second.getDate("appendedAt").toInstant()).isEqualTo(T0);
            assertThat(engine.headPosition()).isEqualTo(2);
            assertThat(engine.countEvents()).isEqualTo(2);
            assertThat(engine.rawEventsAfter(1, 10)).extracting(d -> d.getLong("_id")).containsExactly(2L);
        }

        @Test
        void an_event_without_an_aggregate_is_stored_and_tracked() {
            EventMessage<String> plain = GenericEventMessage.asEventMessage("ประกาศระบบ");
            append(plain);

            List<TrackedEventMessage<?>> tracked = track(null);
            assertThat(tracked).singleElement().satisfies(e -> {
                assertThat(e.getPayload()).isEqualTo("ประกาศระบบ");
                assertThat(e.getIdentifier()).isEqualTo(plain.getIdentifier());
            });
        }

        @Test
        void creating_the_indexes_twice_is_harmless_and_the_stream_key_is_unique() {
            engine.ensureIndexes();
            List<Document> indexes = eventsCollection().listIndexes().into(new ArrayList<>());
            assertThat(indexes).filteredOn(i -> "aggregate_sequence".equals(i.getString("name")))
                    .singleElement().satisfies(i -> assertThat(i.getBoolean("unique")).isTrue());
        }
    }

    // ================================================================== optimistic concurrency

    @Nested
    class Concurrency {

        @Test
        void appending_a_sequence_number_that_exists_is_a_concurrency_exception() {
            append(events(A, 0, 3).toArray(EventMessage[]::new));
            DomainEventMessage<NumberIssuedEvent> rival = new GenericDomainEventMessage<>("RegisterBook", A, 2,
                    issued(A, 99));

            assertThatThrownBy(() -> append(rival)).isInstanceOf(ConcurrencyException.class);
            assertThat(payloads(readAggregate(A))).last().isEqualTo(issued(A, 3));
        }

        @Test
        void creating_a_stream_that_exists_is_an_aggregate_stream_creation_exception() {
            append(event(A, 0));

            assertThatThrownBy(() -> append(new GenericDomainEventMessage<>("RegisterBook", A, 0, issued(A, 42))))
                    .isInstanceOf(AggregateStreamCreationException.class);
            assertThat(payloads(readAggregate(A))).containsExactly(issued(A, 1));
        }

        @Test
        void an_append_that_fails_stores_none_of_its_events() {
            // a cancel appends the letter's event and its register book's in one go; if the book
            // conflicts, the letter must not stay cancelled with its number still issued
            append(event(B, 0));

            assertThatThrownBy(() -> append(event(A, 0), event(B, 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);

            assertThat(readAggregate(A)).isEmpty();
            assertThat(engine.countEvents()).isEqualTo(1);
            assertThat(positions(track(null))).containsExactly(1L);
        }

        @Test
        void two_clerks_taking_a_number_from_one_book_at_once_get_one_number_each_or_a_conflict() throws Exception {
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                // no in-process lock, as on two nodes: only the store's unique index serializes the appends
                EventSourcingRepository<RegisterBook> books = EventSourcingRepository.builder(RegisterBook.class)
                        .eventStore(store).lockFactory(NullLockFactory.INSTANCE).build();
                assertThat(issueInUnitOfWork(books, "letter-1")).isEqualTo(1L);

                // the first clerk has loaded the book and taken number 2, but not committed yet
                UnitOfWork<?> first = DefaultUnitOfWork.startAndGet(null);
                Aggregate<RegisterBook> loaded = books.load(A);
                long firstNumber = loaded.invoke(b -> b.handle(
                        new IssueNumberCommand(A, BOOK, "letter-2", CLERK, T0)));
                // meanwhile a second clerk, on another thread, takes the same number and commits
                ExecutorService other = Executors.newSingleThreadExecutor();
                long secondNumber;
                try {
                    secondNumber = other.submit(() -> issueInUnitOfWork(books, "letter-3")).get(10, TimeUnit.SECONDS);
                } finally {
                    other.shutdownNow();
                }
                assertThat(firstNumber).isEqualTo(2L);
                assertThat(secondNumber).isEqualTo(2L);
                assertThatThrownBy(first::commit).isInstanceOf(ConcurrencyException.class);

                // the book holds each number once, and the loser retries with the next one
                assertThat(issueInUnitOfWork(books, "letter-2")).isEqualTo(3L);
                List<Object> numbers = new ArrayList<>();
                store.readEvents(A).asStream().forEach(e -> numbers.add(
                        ((NumberIssuedEvent) e.getPayload()).letterId() + "=" + ((NumberIssuedEvent) e.getPayload())
                                .registerNumber()));
                assertThat(numbers).containsExactly("letter-1=1", "letter-3=2", "letter-2=3");
            } finally {
                store.shutDown();
            }
        }

        private long issueInUnitOfWork(EventSourcingRepository<RegisterBook> books, String letterId)
                throws Exception {
            UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            try {
                long n = books.loadOrCreate(A, RegisterBook::new)
                        .invoke(b -> b.handle(new IssueNumberCommand(A, BOOK, letterId, CLERK, T0)));
                uow.commit();
                return n;
            } catch (Exception e) {
                if (uow.isActive()) {
                    uow.rollback(e);
                }
                throw e;
            }
        }
    }

    // ================================================================== tracking in global order

    @Nested
    class Tracking {

        @Test
        void a_tracker_from_the_start_reads_every_event_in_global_order() {
            append(event(A, 0));
            append(event(B, 0), event(A, 1));
            append(event(C, 0));
            append(event(B, 1));

            List<TrackedEventMessage<?>> tracked = track(null);

            assertThat(positions(tracked)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(payloads(tracked)).containsExactly(issued(A, 1), issued(B, 1),
                    issued(A, 2), issued(C, 1), issued(B, 2));
            assertThat(tracked).allSatisfy(e -> assertThat(token(e).getGaps()).isEmpty());
            assertThat(tracked).allSatisfy(e -> assertThat(e).isInstanceOf(DomainEventMessage.class));
        }

        @Test
        void a_tracker_reads_more_than_one_batch() {
            for (int i = 0; i < 25; i++) {
                append(event(A, i));
            }

            assertThat(positions(track(null))).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
        }

        @Test
        void a_tracker_resumes_after_its_token() {
            append(events(A, 0, 3).toArray(EventMessage[]::new));
            List<TrackedEventMessage<?>> first = track(null);
            append(event(B, 0));

            List<TrackedEventMessage<?>> next = track(last(first));

            assertThat(positions(next)).containsExactly(4L);
            assertThat(next.get(0).getPayload()).isEqualTo(issued(B, 1));
            assertThat(track(last(next))).isEmpty();
        }

        @Test
        void a_failed_append_takes_no_position_so_the_next_event_follows_at_once() {
            append(event(A, 0));
            assertThatThrownBy(() -> append(event(A, 0))).isInstanceOf(AggregateStreamCreationException.class);
            append(event(B, 0));

            List<TrackedEventMessage<?>> tracked = track(null);

            assertThat(engine.headPosition()).isEqualTo(2);
            assertThat(positions(tracked)).containsExactly(1L, 2L);
            assertThat(last(tracked).getGaps()).isEmpty();
        }

        @Test
        void a_long_run_of_positions_that_were_never_stored_is_stepped_over() {
            append(event(A, 0));
            List<TrackedEventMessage<?>> first = track(null);
            reservePositions(35); // more than three batches of nothing
            append(event(B, 0));

            List<TrackedEventMessage<?>> next = track(last(first));

            assertThat(positions(next)).containsExactly(37L);
            assertThat(last(next).getGaps()).containsExactlyElementsOf(LongStream.rangeClosed(2, 36).boxed().toList());
        }

        @Test
        void a_run_of_never_stored_positions_longer_than_the_scan_limit_does_not_stop_the_tracker() {
            append(event(A, 0));
            List<TrackedEventMessage<?>> first = track(null);
            reservePositions(1500); // a bulk append that failed: more than 100 batches of 10
            append(event(B, 0));

            List<TrackedEventMessage<?>> next = track(last(first));

            assertThat(positions(next)).containsExactly(1502L);
            assertThat(next.get(0).getPayload()).isEqualTo(issued(B, 1));
        }

        @Test
        void an_event_that_commits_after_a_later_one_was_read_is_still_delivered() {
            append(event(A, 0));
            GapAwareTrackingToken afterFirst = last(track(null));
            // B's append takes position 2 but its write is not visible yet ...
            append(event(B, 0));
            Document inFlight = eventsCollection().findOneAndDelete(eq("_id", 2L));
            // ... while C's append takes position 3 and is visible at once
            append(event(C, 0));

            List<TrackedEventMessage<?>> beforeTheGapFills = track(afterFirst);
            assertThat(positions(beforeTheGapFills)).containsExactly(3L);
            GapAwareTrackingToken withGap = last(beforeTheGapFills);
            assertThat(withGap.getGaps()).containsExactly(2L);
            assertThat(track(withGap)).isEmpty();

            eventsCollection().insertOne(inFlight);

            List<TrackedEventMessage<?>> late = track(withGap);
            assertThat(late).singleElement().satisfies(e -> {
                assertThat(e.getPayload()).isEqualTo(issued(B, 1));
                assertThat(token(e).getIndex()).isEqualTo(3L);
                assertThat(token(e).getGaps()).isEmpty();
            });
            assertThat(track(last(late))).isEmpty();
        }

        @Test
        void a_tracker_from_the_head_gets_an_append_that_was_in_flight() {
            append(event(A, 0));
            append(event(B, 0));
            Document inFlight = eventsCollection().findOneAndDelete(eq("_id", 2L));
            append(event(C, 0));

            TrackingToken head = engine.createHeadToken();

            assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of(2L)));
            assertThat(track(head)).isEmpty();
            eventsCollection().insertOne(inFlight);
            assertThat(payloads(track(head))).containsExactly(issued(B, 1));
        }

        @Test
        void the_head_token_is_valid_while_the_newest_positions_are_not_stored_yet() {
            append(event(A, 0));
            append(event(B, 0));
            reservePositions(2); // positions 3 and 4 handed out, nothing stored yet

            TrackingToken head = engine.createHeadToken();

            assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of()));
            append(event(C, 0));
            assertThat(positions(track(head))).containsExactly(5L);
        }

        @Test
        void every_stored_event_carries_its_own_global_position_in_its_metadata() {
            append(event(A, 0), event(A, 1));
            append(event(B, 0));
            List<TrackedEventMessage<?>> tracked = track(null);
            assertThat(tracked).extracting(e -> ((Number) e.getMetaData().get("globalIndex")).longValue())
                    .containsExactly(1L, 2L, 3L);
        }

        @Test
        void a_counter_behind_the_stored_events_is_repaired_before_anything_collides_with_them() {
            append(event(A, 0), event(A, 1), event(A, 2));
            db.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(eq("_id", "globalIndex"),
                    Updates.set("value", 1L)); // as if the store had lost its last counter updates

            engine.ensureIndexes();
            append(event(B, 0));

            assertThat(positions(track(null))).containsExactly(1L, 2L, 3L, 4L);
            assertThat(payloads(readAggregate(A))).hasSize(3);
        }

        @Test
        void the_head_of_an_empty_store_is_the_tail() {
            assertThat(engine.createHeadToken()).isNull();
            assertThat(engine.createTailToken()).isNull();
        }

        @Test
        void a_token_at_a_time_starts_at_the_first_event_appended_then() {
            append(event(A, 0));
            clock.set(T0.plusSeconds(600));
            append(event(B, 0));
            append(event(C, 0));

            TrackingToken at = engine.createTokenAt(T0.plusSeconds(300));

            assertThat(at).isEqualTo(GapAwareTrackingToken.newInstance(1, List.of()));
            assertThat(positions(track(at))).containsExactly(2L, 3L);
            assertThat(engine.createTokenAt(T0.minusSeconds(1))).isNull();
        }
    }

    // ================================================================== gap timeout and cleaning

    @Nested
    class Gaps {

        @Test
        void a_gap_before_a_recent_event_is_kept() {
            reservePositions(1);
            append(event(A, 0));
            clock.set(T0.plusSeconds(59));

            assertThat(last(track(null)).getGaps()).containsExactly(1L);
        }

        @Test
        void a_gap_before_an_event_older_than_the_gap_timeout_is_given_up() {
            reservePositions(1);
            append(event(A, 0));
            clock.set(T0.plusSeconds(61));

            GapAwareTrackingToken token = last(track(null));

            assertThat(token.getIndex()).isEqualTo(2L);
            assertThat(token.getGaps()).isEmpty();
        }

        @Test
        void a_token_with_many_gaps_drops_those_whose_successor_is_older_than_the_gap_timeout() {
            reservePositions(300); // failed appends: positions 1..300 never stored
            append(event(A, 0));
            GapAwareTrackingToken manyGaps = last(track(null));
            assertThat(manyGaps.getGaps()).hasSize(300);

            clock.set(T0.plusSeconds(600));
            append(event(B, 0));
            List<TrackedEventMessage<?>> next = track(manyGaps);

            assertThat(positions(next)).containsExactly(302L);
            assertThat(last(next).getGaps()).isEmpty();
        }

        @Test
        void gaps_are_not_cleaned_while_they_may_still_fill() {
            reservePositions(300);
            append(event(A, 0));
            GapAwareTrackingToken manyGaps = last(track(null));

            clock.set(T0.plusSeconds(30));
            append(event(B, 0));
            List<TrackedEventMessage<?>> next = track(manyGaps);

            assertThat(positions(next)).containsExactly(302L);
            assertThat(last(next).getGaps()).hasSize(300);
        }

        @Test
        void cleaning_keeps_a_gap_whose_successor_is_recent() {
            reservePositions(299); // 1..299: failed long ago
            append(event(A, 0)); // 300 at T0
            clock.set(T0.plusSeconds(600));
            reservePositions(1); // 301: still in flight
            append(event(B, 0)); // 302, just now
            GapAwareTrackingToken manyGaps = GapAwareTrackingToken.newInstance(302,
                    LongStream.concat(LongStream.rangeClosed(1, 299), LongStream.of(301)).boxed().toList());

            clock.set(T0.plusSeconds(630));
            append(event(C, 0)); // 303
            List<TrackedEventMessage<?>> next = track(manyGaps);

            assertThat(positions(next)).containsExactly(303L);
            assertThat(last(next).getGaps()).containsExactly(301L);
        }
    }

    // ================================================================== snapshots

    @Nested
    class Snapshots {

        @Test
        void a_snapshot_is_stored_and_read_back() {
            engine.storeSnapshot(new GenericDomainEventMessage<>("RegisterBook", A, 4, new BookState(A, 5)));

            Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(A);

            assertThat(snapshot).hasValueSatisfying(s -> {
                assertThat(s.getSequenceNumber()).isEqualTo(4L);
                assertThat(s.getAggregateIdentifier()).isEqualTo(A);
                assertThat(s.getPayload()).isEqualTo(new BookState(A, 5));
            });
            assertThat(engine.readSnapshot(B)).isEmpty();
        }

        @Test
        void the_latest_snapshot_replaces_the_older_one() {
            engine.storeSnapshot(new GenericDomainEventMessage<>("RegisterBook", A, 4, new BookState(A, 5)));
            engine.storeSnapshot(new GenericDomainEventMessage<>("RegisterBook", A, 9, new BookState(A, 10)));

            assertThat(engine.readSnapshot(A)).hasValueSatisfying(s -> {
                assertThat(s.getSequenceNumber()).isEqualTo(9L);
                assertThat(s.getPayload()).isEqualTo(new BookState(A, 10));
            });
            assertThat(db.getCollection(MongoEventStorageEngine.SNAPSHOTS).countDocuments()).isEqualTo(1);
        }

        @Test
        void the_event_store_loads_from_the_snapshot_and_the_events_after_it() {
            append(events(A, 0, 12).toArray(EventMessage[]::new));
            engine.storeSnapshot(new GenericDomainEventMessage<>("RegisterBook", A, 9, new BookState(A, 10)));
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                List<DomainEventMessage<?>> loaded =
                        store.readEvents(A).asStream().collect(Collectors.<DomainEventMessage<?>>toList());

                assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(9L, 10L, 11L);
                assertThat(loaded.get(0).getPayload()).isEqualTo(new BookState(A, 10));
                assertThat(loaded.get(2).getPayload()).isEqualTo(issued(A, 12));
            } finally {
                store.shutDown();
            }
        }
    }

    // ================================================================== read-your-writes support

    @Nested
    class Positions {

        @Test
        void the_highest_position_appended_per_aggregate_is_recorded() {
            append(event(A, 0), event(A, 1));
            append(event(B, 0));
            append(event(A, 2));

            assertThat(AppendedPositions.snapshot()).isEqualTo(Map.of(A, 4L, B, 3L));
        }

        @Test
        void a_failed_append_records_nothing() {
            append(event(A, 0));
            AppendedPositions.reset();

            assertThatThrownBy(() -> append(event(A, 0))).isInstanceOf(AggregateStreamCreationException.class);

            assertThat(AppendedPositions.snapshot()).isEmpty();
        }

        @Test
        void positions_belong_to_the_thread_that_appended() throws Exception {
            append(event(A, 0));
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Map<String, Long> seenThere = other.submit(() -> {
                    AppendedPositions.reset();
                    append(event(B, 0));
                    return AppendedPositions.snapshot();
                }).get(10, TimeUnit.SECONDS);
                assertThat(seenThere).isEqualTo(Map.of(B, 2L));
            } finally {
                other.shutdownNow();
            }
            assertThat(AppendedPositions.snapshot()).isEqualTo(Map.of(A, 1L));
            AppendedPositions.reset();
            assertThat(AppendedPositions.snapshot()).isEmpty();
        }
    }

    // ================================================================== through Axon's event store

    @Nested
    class ThroughTheEventStore {

        private EmbeddedEventStore store;

        @BeforeEach
        void openStore() {
            store = EmbeddedEventStore.builder().storageEngine(engine).build();
        }

        @AfterEach
        void closeStore() {
            store.shutDown();
        }

        @Test
        void the_engine_streams_everything_published_through_the_store() {
            store.publish(events(A, 0, 3));
            store.publish(events(B, 0, 2));

            List<TrackedEventMessage<?>> all =
                    engine.readEvents(null, false).collect(Collectors.<TrackedEventMessage<?>>toList());

            assertThat(payloads(all)).containsExactly(issued(A, 1), issued(A, 2),
                    issued(A, 3), issued(B, 1), issued(B, 2));
        }

        @Test
        void events_published_in_a_unit_of_work_are_stored_when_it_commits() {
            UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            store.publish(events(A, 0, 2));
            assertThat(engine.countEvents()).isZero();
            uow.commit();

            assertThat(engine.countEvents()).isEqualTo(2);
            assertThat(AppendedPositions.snapshot()).isEqualTo(Map.of(A, 2L));
        }

        @Test
        void events_of_a_unit_of_work_that_rolls_back_are_never_stored() {
            UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
            store.publish(events(A, 0, 2));
            uow.rollback();

            assertThat(engine.countEvents()).isZero();
            assertThat(track(null)).isEmpty();
        }

        @Test
        void an_open_stream_delivers_stored_events_and_then_new_ones() throws Exception {
            store.publish(events(A, 0, 3));
            List<Object> received = new ArrayList<>();
            try (TrackingEventStream stream = store.openStream(null)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                    received.add(stream.nextAvailable().getPayload());
                }
                store.publish(event(B, 0));
                await().atMost(Duration.ofSeconds(10)).until(() -> stream.hasNextAvailable(100, TimeUnit.MILLISECONDS));
                TrackedEventMessage<?> live = stream.nextAvailable();
                received.add(live.getPayload());
                assertThat(token(live).getIndex()).isEqualTo(4L);
            }
            assertThat(received).containsExactly(issued(A, 1), issued(A, 2), issued(A, 3), issued(B, 1));
        }

        @Test
        void a_register_book_is_rebuilt_from_its_stored_events() throws Exception {
            EventSourcingRepository<RegisterBook> books =
                    EventSourcingRepository.builder(RegisterBook.class).eventStore(store).build();
            List<Long> numbers = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
                String letterId = "letter-" + i;
                numbers.add(books.loadOrCreate(A, RegisterBook::new)
                        .invoke(b -> b.handle(new IssueNumberCommand(A, BOOK, letterId, CLERK, T0))));
                uow.commit();
            }

            assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(Long::valueOf).toList());
            assertThat(readAggregate(A)).hasSize(12);
        }
    }

    /** The hash chain over the log (DESIGN.md §4, issue 6): made at append, checked by walking it. */
    @Nested
    class Chain {

        private MongoCollection<Document> events() {
            return db.getCollection(MongoEventStorageEngine.EVENTS);
        }

        private EventChainVerifier.Report verify() {
            return new EventChainVerifier(db).verify();
        }

        /** Five events in four appends, one of them failed. */
        private void log() {
            append(event(A, 0), event(A, 1));
            append(event(B, 0));
            assertThatThrownBy(() -> append(event(B, 0))).isInstanceOf(AggregateStreamCreationException.class);
            append(event(C, 0));
            append(event(A, 2));
        }

        @Test
        void each_event_is_chained_to_the_one_stored_before_it_and_the_counter_holds_the_head() {
            log();
            List<Document> stored = events().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(stored).extracting(d -> d.getLong("_id")).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(stored.get(0).getString("prevHash")).isEqualTo(EventChain.GENESIS);
            for (int i = 1; i < stored.size(); i++) {
                assertThat(stored.get(i).getString("prevHash")).isEqualTo(stored.get(i - 1).getString("hash"));
            }
            Document counter = db.getCollection(MongoEventStorageEngine.COUNTERS).find(eq("_id", "globalIndex")).first();
            assertThat(counter.getString("head")).isEqualTo(stored.get(4).getString("hash"));

            EventChainVerifier.Report report = verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.checked()).isEqualTo(5);
            assertThat(report.headPosition()).isEqualTo(5);
            assertThat(report.headHash()).isEqualTo(counter.getString("head"));
        }

        @Test
        void a_changed_event_is_named() {
            log();
            events().updateOne(eq("_id", 3L), Updates.set("payload",
                    events().find(eq("_id", 3L)).first().getString("payload").replace("letter-1", "letter-9")));
            EventChainVerifier.Report report = verify();
            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAt()).isEqualTo(3L);
            assertThat(report.problem()).startsWith("altered");
            assertThat(report.headPosition()).as("the chain holds up to the event before").isEqualTo(2);
        }

        @Test
        void a_deleted_event_is_named() {
            log();
            events().deleteOne(eq("_id", 4L));
            EventChainVerifier.Report report = verify();
            assertThat(report.brokenAt()).isEqualTo(4L);
            assertThat(report.problem()).startsWith("missing");
        }

        @Test
        void two_events_swapped_are_named_at_the_first_of_them() {
            log();
            Document second = events().find(eq("_id", 2L)).first();
            Document fourth = events().find(eq("_id", 4L)).first();
            events().deleteMany(in("_id", List.of(2L, 4L)));
            events().insertOne(second.append("_id", 4L));
            events().insertOne(fourth.append("_id", 2L));
            EventChainVerifier.Report report = verify();
            assertThat(report.brokenAt()).isEqualTo(2L);
            assertThat(report.intact()).isFalse();
        }

        @Test
        void an_event_rehashed_after_a_change_breaks_the_link_to_the_next_one() {
            log();
            Document third = events().find(eq("_id", 3L)).first();
            third.put("payload", third.getString("payload").replace("letter-1", "letter-9"));
            third.put("hash", EventChain.hash(third)); // the forger recomputes the changed event's own hash
            events().replaceOne(eq("_id", 3L), third);
            EventChainVerifier.Report report = verify();
            assertThat(report.brokenAt()).isEqualTo(4L);
            assertThat(report.problem()).startsWith("link");
        }

        @Test
        void the_chain_goes_on_across_a_restart_and_a_counter_left_behind_by_a_crash() {
            log();
            // as if the process died after storing an append's events and before moving the counter
            db.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(eq("_id", "globalIndex"),
                    Updates.combine(Updates.set("value", 3L), Updates.set("head", "f".repeat(64))));
            engine = engine(10); // a restart: ensureIndexes repairs the counter
            append(event(B, 1));
            assertThat(events().find(eq("_id", 6L)).first().getString("prevHash"))
                    .isEqualTo(events().find(eq("_id", 5L)).first().getString("hash"));
            assertThat(verify().intact()).isTrue();
            assertThat(verify().checked()).isEqualTo(6);
        }

        @Test
        void another_writer_that_took_the_next_position_is_followed_not_overwritten() {
            log();
            MongoEventStorageEngine other = engine(10); // a second node on the same store
            other.appendEvents(List.of(event(B, 1)));    // 6, which this engine has not seen
            db.getCollection(MongoEventStorageEngine.COUNTERS).updateOne(eq("_id", "globalIndex"),
                    Updates.set("value", 5L)); // and its counter update has not landed yet
            append(event(C, 1));
            assertThat(events().find(eq("_id", 7L)).first().getString("aggregateIdentifier")).isEqualTo(C);
            assertThat(verify().intact()).isTrue();
        }
    }

    // ================================================================== appends stored as one group

    /**
     * Appends that wait for the append lock are stored together: one insert and one counter update for all of them
     * (issue 7: the engine alone managed 0.06 of raw inserts, one append at a time with three round trips each).
     */
    @Nested
    class GroupAppend {

        @Test
        void a_group_stores_each_append_whole_and_in_its_order_chained_after_the_one_before() {
            append(event(D, 0));
            List<RuntimeException> failures = engine.appendAsOneGroup(List.of(events(A, 0, 3), events(B, 0, 1),
                    events(C, 0, 2)));

            assertThat(failures).containsOnlyNulls();
            List<Document> stored = eventsCollection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(stored).extracting(d -> d.getLong("_id") + " " + d.getString("aggregateIdentifier") + " "
                    + d.getLong("sequenceNumber")).containsExactly("1 " + D + " 0", "2 " + A + " 0", "3 " + A + " 1",
                    "4 " + A + " 2", "5 " + B + " 0", "6 " + C + " 0", "7 " + C + " 1");
            assertThat(new EventChainVerifier(db).verify().intact()).isTrue();
            Document counter = db.getCollection(MongoEventStorageEngine.COUNTERS).find(eq("_id", "globalIndex")).first();
            assertThat(counter.get("value", Number.class).longValue()).isEqualTo(7L);
            assertThat(counter.getString("head")).isEqualTo(stored.get(6).getString("hash"));
        }

        @Test
        void an_append_in_conflict_fails_alone_and_the_others_of_its_group_are_stored_without_a_gap() {
            append(events(B, 0, 2).toArray(EventMessage[]::new));
            // the middle append takes a sequence number of B that exists; what the insert wrote before it is taken back
            List<RuntimeException> failures = engine.appendAsOneGroup(List.of(events(A, 0, 2),
                    List.of(event(C, 0), event(B, 1)), events(D, 0, 2)));

            assertThat(failures.get(0)).isNull();
            assertThat(failures.get(1)).isInstanceOf(ConcurrencyException.class);
            assertThat(failures.get(2)).isNull();
            assertThat(readAggregate(C)).isEmpty();
            assertThat(readAggregate(A)).hasSize(2);
            assertThat(readAggregate(D)).hasSize(2);
            assertThat(positions(track(null))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(new EventChainVerifier(db).verify().intact()).isTrue();

            append(event(C, 0)); // the next append follows at once
            assertThat(positions(track(null))).last().isEqualTo(7L);
        }

        @Test
        void appends_from_many_threads_at_once_are_all_stored_each_whole_in_one_gapless_chain() throws Exception {
            int threads = 8;
            int appendsEach = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                CountDownLatch start = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    String aggregate = "book-" + t;
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < appendsEach; i++) {
                            engine.appendEvents(events(aggregate, 2L * i, 2)); // two events per append
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Document> stored = eventsCollection().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(stored).hasSize(threads * appendsEach * 2);
            assertThat(stored).extracting(d -> d.getLong("_id"))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * appendsEach * 2L).boxed().toList());
            // each append's two events side by side, each book's in order
            for (int i = 0; i < stored.size(); i += 2) {
                assertThat(stored.get(i + 1).getString("aggregateIdentifier"))
                        .isEqualTo(stored.get(i).getString("aggregateIdentifier"));
                assertThat(stored.get(i + 1).getLong("sequenceNumber")).isEqualTo(stored.get(i).getLong("sequenceNumber") + 1);
            }
            for (int t = 0; t < threads; t++) {
                assertThat(readAggregate("book-" + t)).extracting(DomainEventMessage::getSequenceNumber)
                        .containsExactlyElementsOf(LongStream.range(0, appendsEach * 2L).boxed().toList());
            }
            EventChainVerifier.Report report = new EventChainVerifier(db).verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.headPosition()).isEqualTo(threads * appendsEach * 2L);
        }
    }
}
