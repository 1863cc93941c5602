package org.saraban.web.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.saraban.api.common.EventMetadata;
import org.saraban.api.common.ThaiText;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.query.letter.LetterProjection;
import org.saraban.query.letter.LetterQueries;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.letter.Redaction;
import org.saraban.query.support.Docs;
import org.saraban.query.support.Replay;
import org.saraban.web.config.StorageConfig;

/**
 * A letter as it stood at a past instant (issue 6, item 5: {@code ?asOf=}), recomputed from its events: the
 * letter's own stream up to that instant is run through the same projection the live view comes from, into a
 * scratch database that is dropped afterwards. Nothing is read from the live view but the permission to ask.
 */
public class LetterAsOf {

    private final StorageConfig.Store store;
    private final MongoEventStorageEngine engine;

    public LetterAsOf(StorageConfig.Store store, MongoEventStorageEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    /** The view at {@code at}; empty if the letter did not exist yet. The caller checks the letter is visible now. */
    public Optional<Document> view(String letterId, Instant at) {
        MongoDatabase scratch = store.client().getDatabase("asof_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            LetterStore letters = new LetterStore(scratch);
            Stream<? extends EventMessage<?>> upTo = engine.readEvents(letterId).asStream()
                    .filter(e -> !e.getTimestamp().isAfter(at))
                    .map(LetterAsOf::tracked);
            long replayed = Replay.into(new LetterProjection(letters), upTo);
            if (replayed == 0) {
                return Optional.empty();
            }
            return new LetterQueries(letters).unchecked(letterId).map(v -> {
                redactAsToday(v, currentTerms(com.mongodb.client.model.Filters.eq("id", letterId)));
                v.put("asOf", Docs.iso(at));
                v.put("asOfThai", ThaiText.dateTime(at));
                v.put("eventsReplayed", replayed);
                return v;
            });
        } finally {
            scratch.drop();
        }
    }

    /**
     * A register book as it stood at {@code at}: every event up to then run through the letters' projection into
     * a scratch database (the rows come from many letters' streams), then read as the live register is read,
     * with the same access rule. A full replay: fine for an archive query, slow on a very large store.
     */
    public Optional<java.util.List<Document>> register(org.saraban.api.common.Actor actor, String agencyCode,
                                                       org.saraban.api.letter.RegisterBookType book, int yearBE,
                                                       Instant at) {
        MongoDatabase scratch = store.client().getDatabase("asof_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            LetterStore letters = new LetterStore(scratch);
            Replay.into(new LetterProjection(letters), engine.readEvents(null, false)
                    .filter(e -> !e.getTimestamp().isAfter(at)));
            List<String> terms = currentTerms(com.mongodb.client.model.Filters.eq("agencyCode", agencyCode));
            return new LetterQueries(letters).register(actor, agencyCode, book, yearBE)
                    .map(rows -> {
                        rows.forEach(r -> redactAsToday(r, terms));
                        return rows;
                    });
        } finally {
            scratch.drop();
        }
    }

    /** The personal data redacted today from the letters {@code where} selects (PDPA decisions). */
    private List<String> currentTerms(org.bson.conversions.Bson where) {
        List<String> terms = new java.util.ArrayList<>();
        new LetterStore(store.database()).letters().collection()
                .find(com.mongodb.client.model.Filters.and(where,
                        com.mongodb.client.model.Filters.exists(Redaction.TERMS)))
                .projection(new Document(Redaction.TERMS, 1))
                .forEach(d -> d.getList(Redaction.TERMS, String.class, List.of()).stream()
                        .filter(t -> !terms.contains(t)).forEach(terms::add));
        return terms;
    }

    /** A past state shows today's redactions too: a decision to redact covers every disclosure from then on. */
    private static void redactAsToday(Document v, List<String> terms) {
        if (!terms.isEmpty()) {
            v.put(Redaction.TERMS, terms);
            Redaction.apply(v);
            v.remove(Redaction.TERMS);
        }
    }

    /** As a tracking processor would have it: the event's own global position as its token. */
    private static EventMessage<?> tracked(DomainEventMessage<?> e) {
        Object position = e.getMetaData().get(EventMetadata.GLOBAL_INDEX);
        long p = position instanceof Number n ? n.longValue() : e.getSequenceNumber();
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(p), e);
    }
}
