package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.saraban.query.letter.Letters.AGENCY;
import static org.saraban.query.letter.Letters.CLERK;
import static org.saraban.query.letter.Letters.RECEIVER;
import static org.saraban.query.letter.Letters.RECEIVE_AT;
import static org.saraban.query.letter.Letters.R_CLERK;
import static org.saraban.query.letter.Letters.R_OFFICER;
import static org.saraban.query.letter.Letters.TO_RECEIVER;
import static org.saraban.query.letter.Letters.YEAR_BE;
import static org.saraban.query.letter.Letters.acknowledged;
import static org.saraban.query.letter.Letters.approved;
import static org.saraban.query.letter.Letters.created;
import static org.saraban.query.letter.Letters.delivered;
import static org.saraban.query.letter.Letters.deliveryRecorded;
import static org.saraban.query.letter.Letters.dispatched;
import static org.saraban.query.letter.Letters.external;
import static org.saraban.query.letter.Letters.filed;
import static org.saraban.query.letter.Letters.number;
import static org.saraban.query.letter.Letters.received;
import static org.saraban.query.letter.Letters.routedToPerson;
import static org.saraban.query.letter.Letters.signed;
import static org.saraban.query.letter.Letters.submitted;
import static org.saraban.query.letter.Letters.voided;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.api.letter.ImportedLetter;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.support.EventLog;
import org.saraban.query.support.EmbeddedMongoServer;
import org.saraban.query.support.Replay;

/**
 * The letter projection behind a tracking processor, reading the real event store (the MongoDB storage
 * engine with global positions and the application's Jackson serializer) on the embedded MongoDB server.
 */
class LetterProjectionIntegrationTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String LETTER = "letter-1";
    private static final String COPY = "copy-1";
    private static final String CANCELLED = "letter-2";
    private static final String PAPER = "paper-1";

    private MongoDatabase db;
    private MongoEventStorageEngine engine;
    private EmbeddedEventStore eventStore;
    private LetterStore store;
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<TrackingEventProcessor> processors = new ArrayList<>();
    private int published;

    @BeforeEach
    void setUp() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        db = MONGO.newDatabase();
        engine = MongoEventStorageEngine.builder()
                .client(MONGO.client())
                .database(db)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(10)
                .build();
        engine.ensureIndexes();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        // the read model in the same database as the events, as the application keeps it
        store = new LetterStore(db);
        store.ensureIndexes();
    }

    @AfterEach
    void tearDown() {
        processors.forEach(TrackingEventProcessor::shutDown);
        eventStore.shutDown();
    }

    /** A tracking processor of the letter projection, counting the events its handlers finished. */
    private TrackingEventProcessor startProcessor(AtomicInteger handled) {
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(new LetterProjection(store))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(LetterProjection.GROUP)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(5))
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            handled.incrementAndGet();
            return result;
        });
        processors.add(processor);
        processor.start();
        return processor;
    }

    /** Appends the events in one go, as one command's unit of work does. */
    private void publish(Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String aggregate = EventLog.aggregateOf(payload);
            long seq = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
            String type = payload instanceof NumberVoidedEvent ? "RegisterBook" : "Letter";
            messages.add(new GenericDomainEventMessage<>(type, aggregate, seq, payload));
        }
        eventStore.publish(messages);
        published += messages.size();
    }

    /** A letter sent, delivered, received, routed, acknowledged and filed; one cancelled; one paper import. */
    private void history() {
        LetterContent content = external("ขอเชิญประชุมคณะกรรมการพัฒนารัฐบาลดิจิทัล");
        publish(created(LETTER, content));
        publish(submitted(LETTER));
        publish(approved(LETTER));
        publish(signed(LETTER));
        publish(dispatched(LETTER, content, 25, COPY));
        publish(delivered(COPY, LETTER, content, number(25), List.of(TO_RECEIVER)));
        publish(deliveryRecorded(LETTER, COPY));
        publish(received(COPY, LETTER, 12));
        publish(acknowledged(LETTER, COPY, "๑๒"));
        publish(routedToPerson(COPY, "route-1", R_OFFICER.ref()));
        publish(new RouteAcknowledgedEvent(COPY, "route-1", R_OFFICER.ref(), RECEIVE_AT.plusSeconds(600)));
        publish(new RouteCompletedEvent(COPY, "route-1", R_OFFICER.ref(), "เสร็จแล้ว", RECEIVE_AT.plusSeconds(900)));
        publish(filed(COPY, R_CLERK, 2579));

        LetterContent wrong = external("หนังสือที่ส่งผิด");
        publish(created(CANCELLED, wrong));
        publish(dispatched(CANCELLED, wrong, 26, "copy-2"));
        // a cancel appends the letter's event and its register book's in one go
        publish(new LetterCancelledEvent(CANCELLED, CLERK.ref(), "ส่งผิดหน่วยงาน", RECEIVE_AT),
                voided(26, CANCELLED, "ส่งผิดหน่วยงาน"));

        ImportedLetter paper = new ImportedLetter(LetterKind.EXTERNAL, "กค ๐๔๐๒/๗๗", LocalDate.of(2026, 11, 20),
                "กรมบัญชีกลาง", "ขอส่งแนวทางการเบิกจ่าย", "เรียน", List.of(TO_RECEIVER), null, null, "นายบัญชี",
                "อธิบดีกรมบัญชีกลาง", null, null, null, "ไปรษณีย์", null);
        publish(new PaperLetterImportedEvent(PAPER, RECEIVER, R_CLERK.ref(), paper, "ab".repeat(32), RECEIVE_AT));
        publish(received(PAPER, null, 13));
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static Map<String, List<Document>> readModel(LetterStore s) {
        return Map.of("letters", all(s.letters().collection()), "register_rows", all(s.registerRows().collection()));
    }

    /** The read model reflects the last stored event: the paper letter's receipt, in its view and its row. */
    private void awaitHead() {
        long head = engine.headPosition();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Document paper = store.letters().get(PAPER);
            assertThat(paper).isNotNull();
            assertThat(paper.get("position", Number.class).longValue()).isEqualTo(head);
        });
    }

    private Document row(String agency, RegisterBookType book, long n) {
        return store.registerRows().get(LetterProjection.rowId(agency, book, YEAR_BE, n));
    }

    @Test
    void events_published_through_the_event_store_reach_the_read_model() {
        startProcessor(new AtomicInteger());

        history();
        awaitHead();

        Document sent = store.letters().get(LETTER);
        assertThat(sent.getString("status")).isEqualTo("DISPATCHED");
        assertThat(sent.getString("number")).isEqualTo("สพร ๐๑/๒๕");
        assertThat(sent.getString("dateThai")).isEqualTo("๒๓ พฤศจิกายน ๒๕๖๙");
        assertThat(sent.getList("deliveries", Document.class).get(0).getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(sent.getBoolean("unacknowledged")).isFalse();
        // created, submitted, approved, signed, dispatched, delivery recorded, acknowledged: sequence 0 to 6
        assertThat(sent.get("version", Number.class).longValue()).isEqualTo(6);
        assertThat(sent.getList("history", Document.class)).hasSize(7);

        Document copy = store.letters().get(COPY);
        assertThat(copy.getString("status")).isEqualTo("FILED");
        assertThat(copy.getString("receivingNumber")).isEqualTo("๑๒");
        assertThat(copy.get("filing", Document.class).getString("stamp")).isEqualTo("เก็บถึง พ.ศ. ๒๕๗๙");
        Document route = copy.getList("routes", Document.class).get(0);
        assertThat(route.getString("state")).isEqualTo("COMPLETED");
        assertThat(route.getString("dueDateThai")).isEqualTo("๓๐ พฤศจิกายน ๒๕๖๙");

        assertThat(store.letters().get(CANCELLED).getString("status")).isEqualTo("CANCELLED");
        assertThat(store.letters().get(PAPER).getString("scanSha256")).isEqualTo("ab".repeat(32));

        assertThat(row(AGENCY, RegisterBookType.SENT, 25).getBoolean("voided")).isFalse();
        Document voidedRow = row(AGENCY, RegisterBookType.SENT, 26);
        assertThat(voidedRow.getBoolean("voided")).isTrue();
        assertThat(voidedRow.getString("remark")).isEqualTo("ยกเลิกเลข: ส่งผิดหน่วยงาน");
        assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12).getString("action"))
                .isEqualTo("เสนอ/มอบ นางนักวิชาการ");
        assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 13).getString("remark")).startsWith("ไปรษณีย์");
        assertThat(store.registerRows().collection().countDocuments()).isEqualTo(4);
    }

    @Test
    void a_fresh_processor_replaying_from_the_start_leaves_the_read_model_unchanged() {
        TrackingEventProcessor live = startProcessor(new AtomicInteger());
        history();
        awaitHead();
        Map<String, List<Document>> before = readModel(store);
        live.shutDown();

        // a new token store: the processor starts at the tail, over the read model as it is (no reset)
        AtomicInteger replayed = new AtomicInteger();
        startProcessor(replayed);
        await().atMost(PATIENCE).until(() -> replayed.get() == published);

        assertThat(replayed.get()).isEqualTo(published).isEqualTo((int) engine.countEvents());
        assertThat(readModel(store)).isEqualTo(before);
    }

    @Test
    void a_rebuild_from_the_event_store_into_another_database_equals_the_live_read_model() {
        startProcessor(new AtomicInteger());
        history();
        awaitHead();
        LetterStore rebuilt = new LetterStore(MONGO.newDatabase());

        long fed;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            fed = Replay.into(new LetterProjection(rebuilt), events);
        }

        assertThat(fed).isEqualTo(published);
        Map<String, List<Document>> live = readModel(store);
        Map<String, List<Document>> rebuiltModel = readModel(rebuilt);
        assertThat(rebuiltModel.get("letters")).hasSize(4).isEqualTo(live.get("letters"));
        assertThat(rebuiltModel.get("register_rows")).hasSize(4).isEqualTo(live.get("register_rows"));
    }
}
