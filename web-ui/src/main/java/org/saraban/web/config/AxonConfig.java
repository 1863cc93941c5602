package org.saraban.web.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.saraban.command.letter.DeliveryPolicy;
import org.saraban.command.letter.LetterDispatcher;
import org.saraban.command.letter.LetterDocuments;
import org.saraban.command.register.RegisterBook;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterQueries;
import org.saraban.query.letter.LetterStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: events in MongoDB through {@link MongoEventStorageEngine}, tokens in Axon's
 * Mongo token store, tracking processors that stop on an error instead of skipping an event.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The event serializer: readable JSON of the event records (DESIGN.md §2). Also used by rebuild tools. */
    public static Serializer newEventSerializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).lenientDeserialization().build();
    }

    static ObjectMapper eventMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return newEventSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return newEventSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return newEventSerializer();
    }

    /** Snapshots hold aggregate state, whose fields have no getters. */
    public static Serializer snapshotSerializer() {
        ObjectMapper mapper = eventMapper();
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(StorageConfig.Store store,
                                               @Qualifier("eventSerializer") Serializer eventSerializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .client(store.client())
                .database(store.database())
                .transactions(store.transactions())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer())
                .batchSize(100)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * The claims of the tracking processors, shared by every node on the database: each claim names its node
     * ({@code saraban.cluster.node-id}) and lapses after {@code saraban.cluster.claim-timeout} without renewal,
     * when another node may take the processor over (ADR 0014).
     */
    @Bean
    TokenStore tokenStore(StorageConfig.Store store, Serializer serializer, ClusterProperties cluster) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database()).build())
                .serializer(serializer)
                .nodeId(cluster.nodeId())
                .claimTimeout(cluster.claimTimeout())
                .build();
    }

    /** How many aggregates stay in memory between commands on the embedded store. */
    static final int AGGREGATES_KEPT = 2_000;

    /**
     * One node owns the command side on the embedded store, so aggregates stay in memory between
     * commands (DESIGN.md §2); against a shared MongoDB any node may handle any command, so no cache.
     */
    @Bean
    Cache aggregateCache(SarabanProperties props) {
        return props.embeddedMode() ? new RecentAggregatesCache(AGGREGATES_KEPT) : NoCache.INSTANCE;
    }

    /** A register book gains one event per number: snapshot it so loading stays short all year. */
    @Bean
    SnapshotTriggerDefinition registerBookSnapshotTrigger(@Lazy Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    @Bean
    LetterDispatcher letterDispatcher(@Qualifier("letterRepository") Repository<?> letterRepository,
                                      @Qualifier("registerBookRepository") Repository<RegisterBook> registerBookRepository,
                                      LetterDocuments letterDocuments) {
        return new LetterDispatcher(letterRepository, registerBookRepository, letterDocuments);
    }

    @Bean
    DeliveryPolicy deliveryPolicy(CommandGateway commandGateway) {
        return new DeliveryPolicy(commandGateway);
    }

    /** On the embedded store (one node) the inbox and outbox are filtered in memory (ADR 0016), filled here at start. */
    @Bean
    LetterStore letterStore(StorageConfig.Store store, SarabanProperties props) {
        LetterStore letterStore = new LetterStore(store.database(), props.embeddedMode());
        letterStore.ensureIndexes();
        letterStore.fillList();
        long started = System.nanoTime();
        letterStore.loadListIndex();
        if (props.embeddedMode()) {
            org.slf4j.LoggerFactory.getLogger(AxonConfig.class).info("inbox and outbox lists in memory: {} letters in {} ms",
                    letterStore.listedInMemory(), (System.nanoTime() - started) / 1_000_000);
        }
        return letterStore;
    }

    @Bean
    LetterProjection letterProjection(LetterStore letterStore) {
        return new LetterProjection(letterStore);
    }

    /** On the embedded store a search reads letters by id, a chunk at a time, not in one scan (LetterQueries). */
    @Bean
    LetterQueries letterQueries(LetterStore letterStore, SarabanProperties props) {
        return new LetterQueries(letterStore, props.embeddedMode());
    }

    /** Every processor is tracking; a handler error stops and retries it rather than losing the event. */
    @Bean
    ConfigurerModule processorConfig() {
        return configurer -> configurer.eventProcessing(ep -> {
            ep.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            ep.usingTrackingEventProcessors();
            ep.registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                    .forSingleThreadedProcessing().andBatchSize(50));
        });
    }

}
