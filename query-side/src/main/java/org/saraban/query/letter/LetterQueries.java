package org.saraban.query.letter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;

/**
 * Reads of the letter views, with access control applied to every result: a person sees only letters
 * their agency sent or received, and within the agency what their role allows (DESIGN.md §6). Every
 * view and summary carries {@code read}: whether the caller has opened the letter ({@link #open}).
 */
public class LetterQueries {

    /** Fields that exist for projection and access control and are not part of the view. */
    private static final List<String> INTERNAL = List.of("_id", "position", "participants", "routeUnits",
            "addresseeUnits", "approvedContentHash", "borrowerIds", Redaction.TERMS, LetterSearch.TEXT, LetterSearch.GRAMS, LetterSearch.WORDS);

    /** Letters read by {@code _id} at a time when {@link #searchByIds}. */
    static final int SEARCH_CHUNK = 100;
    /**
     * At most this many candidates a search reads on the embedded store unless asked for all: that server reads about
     * 4,000 letters/s, so this bounds a search to seconds whatever the store's size.
     */
    public static final int SEARCH_LIMIT = 20_000;

    private final LetterStore store;
    private final boolean searchByIds;
    private final int searchChunk;
    private final int searchLimit;

    public LetterQueries(LetterStore store) {
        this(store, false);
    }

    /**
     * {@code searchByIds}: for the embedded server, which answers a query no index serves by reading the whole
     * collection while it holds its lock, so every other request waits meanwhile (at 50,000 letters a search held it
     * for 50 s). There a search takes the candidates' ids from the list entries (a twentieth of the bytes) and then
     * reads the letters by {@code _id}, {@value #SEARCH_CHUNK} at a time, so other requests go in between. A real
     * MongoDB answers the one query from its index on the trigrams instead.
     */
    public LetterQueries(LetterStore store, boolean searchByIds) {
        this(store, searchByIds, SEARCH_CHUNK, SEARCH_LIMIT);
    }

    LetterQueries(LetterStore store, boolean searchByIds, int searchChunk) {
        this(store, searchByIds, searchChunk, SEARCH_LIMIT);
    }

    LetterQueries(LetterStore store, boolean searchByIds, int searchChunk, int searchLimit) {
        this.store = store;
        this.searchByIds = searchByIds;
        this.searchChunk = searchChunk;
        this.searchLimit = searchLimit;
    }

    /** The letter as the caller may see it; empty when unknown or not visible (indistinguishable). */
    public Optional<Document> find(String id, Actor actor) {
        Document d = store.letters().get(id);
        if (d == null || !visible(d, actor)) {
            return Optional.empty();
        }
        Document v = view(d);
        v.put("read", isRead(actor.personId(), id));
        return Optional.of(v);
    }

    /**
     * The caller opens the letter: as {@link #find}, and a visible letter is marked read for this
     * person from then on ({@code read: true} in what this returns). Nothing is marked for a letter the
     * caller may not see. The mark keeps the first opening's time.
     */
    public Optional<Document> open(String id, Actor actor, Instant at) {
        Optional<Document> found = find(id, actor);
        found.filter(v -> !Boolean.TRUE.equals(v.get("read"))).ifPresent(v -> {
            markRead(actor.personId(), id, at);
            v.put("read", true);
        });
        return found;
    }

    private void markRead(String personId, String letterId, Instant at) {
        Document mark = new Document("_id", readKey(personId, letterId)).append("personId", personId)
                .append("letterId", letterId).append("at", Docs.iso(at));
        try {
            store.reads().insertOne(mark);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) { // opened twice at once: the first stays
                throw e;
            }
        }
    }

    private boolean isRead(String personId, String letterId) {
        return personId != null && store.reads().find(eq("_id", readKey(personId, letterId))).first() != null;
    }

    /** The ids among {@code letterIds} that the person has opened. */
    private Set<String> readAmong(String personId, Collection<String> letterIds) {
        Set<String> read = new HashSet<>();
        if (personId == null || letterIds.isEmpty()) {
            return read;
        }
        List<String> keys = letterIds.stream().map(id -> readKey(personId, id)).toList();
        store.reads().find(in("_id", keys)).projection(Projections.include("letterId"))
                .forEach(m -> read.add(m.getString("letterId")));
        return read;
    }

    static String readKey(String personId, String letterId) {
        return personId + "|" + letterId;
    }

    /** The raw view document, without access control: for the web layer's waits and checks. */
    /** The letter's document as a view shows it (internal fields out), without the visibility check. */
    public Optional<Document> unchecked(String id) {
        Document d = store.letters().get(id);
        return d == null ? Optional.empty() : Optional.of(view(d));
    }

    public Optional<Document> raw(String id) {
        return Optional.ofNullable(store.letters().get(id));
    }

    /**
     * A page of letters. A search's page also says whether it read every candidate ({@code partial}: it read only the
     * {@code searched} most recently changed, see {@link #search}); a list's leaves both out.
     */
    public record Page(List<Document> items, long total, int page, int size,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partial,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer searched) {

        public Page(List<Document> items, long total, int page, int size) {
            this(items, total, page, size, null, null);
        }
    }

    /** {@code unread=true}: only letters the caller has not opened; {@code false}: only those opened. */
    public record Filter(String status, String q, String unit, String person, String urgency, String kind,
                         Boolean unacknowledged, Boolean unread, int page, int size) {

        public Filter(String status, String q, String unit, String person, String urgency, String kind,
                      Boolean unacknowledged, int page, int size) {
            this(status, q, unit, person, urgency, kind, unacknowledged, null, page, size);
        }
    }

    public Page inbox(Actor actor, Filter f) {
        return list(actor, "INCOMING", f);
    }

    public Page outbox(Actor actor, Filter f) {
        return list(actor, "OUTGOING", f);
    }

    private Page list(Actor actor, String direction, Filter f) {
        int size = Math.max(1, Math.min(f.size(), 200));
        int page = Math.max(0, f.page());
        long skip = Math.min(Integer.MAX_VALUE, (long) page * size);
        List<String> readIds = f.unread() == null ? null : readBy(actor.personId());
        long total;
        List<Document> docs;
        LetterListIndex index = store.listIndex();
        if (index != null) {
            // the embedded store: filtered and paged in memory, the page read by _id (LetterListIndex)
            LetterListIndex.Slice slice = index.page(actor.agencyCode(), direction,
                    listFilter(actor, f, readIds == null ? null : new HashSet<>(readIds)), skip, size);
            total = slice.total();
            Map<Object, Document> byId = new HashMap<>();
            store.list().find(in("_id", slice.ids())).forEach(d -> byId.put(d.get("_id"), d));
            docs = slice.ids().stream().map(byId::get).filter(Objects::nonNull).toList();
        } else {
            // filtered, sorted and paged by the database in the letters' list entries (LetterStore.LETTER_LIST): no
            // reply carries the agency's letters whole (the embedded server does not split its replies into batches)
            Bson filter = and(listWhere(actor, direction, f, readIds));
            total = store.list().countDocuments(filter);
            docs = store.list().find(filter).sort(Sorts.descending("position", "_id")).skip((int) skip).limit(size)
                    .into(new ArrayList<>());
        }
        List<Document> shown = docs.stream().filter(d -> visible(d, actor)).toList(); // the filter's twin, kept as a guard
        Set<String> read = readAmong(actor.personId(), shown.stream().map(d -> d.getString("id")).toList());
        List<Document> items = shown.stream().map(d -> {
            Document s = summary(d);
            s.put("read", read.contains(d.getString("id")));
            return s;
        }).toList();
        return new Page(items, total, page, size);
    }

    /** The list's filters and {@link #visibleTo} as the store's query; {@code readIds}: the caller's read marks, if asked. */
    private static List<Bson> listWhere(Actor actor, String direction, Filter f, List<String> readIds) {
        List<Bson> where = new ArrayList<>(List.of(eq("agencyCode", actor.agencyCode()), eq("direction", direction)));
        if (f.status() != null) {
            where.add(in("status", List.of(f.status().split(","))));
        }
        if (f.urgency() != null) {
            where.add(eq("urgency", f.urgency()));
        }
        if (f.kind() != null) {
            where.add(eq("kind", f.kind()));
        }
        if (f.unacknowledged() != null && f.unacknowledged()) {
            where.add(eq("unacknowledged", true));
        }
        if (f.unit() != null) {
            where.add(or(in("addresseeUnits", f.unit()), in("routeUnits", f.unit()), eq("ownerUnitCode", f.unit())));
        }
        if (f.person() != null) {
            where.add(in("participants", f.person()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            Pattern p = Pattern.compile(Pattern.quote(f.q().trim()), Pattern.CASE_INSENSITIVE);
            where.add(or(regex("subject", p), regex("number", p), regex("fromAgencyName", p),
                    regex("receivingNumber", p)));
        }
        where.add(visibleTo(actor));
        if (readIds != null) {
            where.add(f.unread() ? com.mongodb.client.model.Filters.nin("id", readIds) : in("id", readIds));
        }
        return where;
    }

    /**
     * {@link #listWhere} and {@link #visible} over the lists in memory: the same rules, so both ways list the same
     * letters ({@code LetterQueriesTest$Visibility}).
     */
    private static Predicate<LetterListIndex.Entry> listFilter(Actor actor, Filter f, Set<String> readIds) {
        List<String> statuses = f.status() == null ? null : List.of(f.status().split(","));
        Pattern q = f.q() == null || f.q().isBlank() ? null
                : Pattern.compile(Pattern.quote(f.q().trim()), Pattern.CASE_INSENSITIVE);
        return e -> (statuses == null || statuses.contains(e.status()))
                && (f.urgency() == null || f.urgency().equals(e.urgency()))
                && (f.kind() == null || f.kind().equals(e.kind()))
                && (f.unacknowledged() == null || !f.unacknowledged() || e.unacknowledged())
                && (f.unit() == null || e.addresseeUnits().contains(f.unit()) || e.routeUnits().contains(f.unit())
                    || f.unit().equals(e.ownerUnitCode()))
                && (f.person() == null || e.participants().contains(f.person()))
                && (q == null || Stream.of(e.subject(), e.number(), e.fromAgencyName(), e.receivingNumber())
                    .anyMatch(v -> v != null && q.matcher(v).find()))
                && (readIds == null || readIds.contains(e.id()) != f.unread())
                && visible(e::get, actor);
    }

    /**
     * {@link #visible} as a query, for the letters of the actor's own agency: clerks see them all; records officers,
     * approvers and signers all but the secret ones they take no part in; others what they take part in, or what is
     * addressed or routed to their unit, or their unit's outgoing letters, secret ones only as participants. A
     * borrower sees what is on loan to them.
     */
    static Bson visibleTo(Actor actor) {
        if (actor.hasRole(Role.CLERK)) {
            return new Document();
        }
        Bson participant = eq("participants", actor.personId());
        Bson borrower = eq("borrowerIds", actor.personId());
        Bson notSecret = or(eq("secrecy", null), eq("secrecy", "NONE"));
        if (actor.hasAnyRole(Role.RECORDS_OFFICER, Role.APPROVER, Role.SIGNER)) {
            return or(notSecret, participant, borrower);
        }
        String unit = actor.unitCode();
        if (unit == null) {
            return or(participant, borrower);
        }
        return or(participant, borrower, and(notSecret, or(eq("addresseeUnits", unit), eq("routeUnits", unit),
                and(eq("direction", "OUTGOING"), eq("ownerUnitCode", unit)))));
    }

    /** The letters {@code personId} has opened. */
    private List<String> readBy(String personId) {
        List<String> ids = new ArrayList<>();
        store.reads().find(eq("personId", personId)).projection(Projections.include("letterId"))
                .forEach(d -> ids.add(d.getString("letterId")));
        return ids;
    }

    /**
     * Letters of the actor's agency matching a search (issue 6, item 3): candidates by the trigrams of every
     * query part of three characters or more, then each part as written, ranked ({@link LetterSearch#score}),
     * with the optional filters, and only the letters the actor may see, each hit checked like an opened letter.
     * Each item is the letter's summary with {@code score} and {@code snippet}.
     */
    public Page search(Actor actor, String query, String kind, String direction, String agency, String dateFrom,
                       String dateTo, int page, int size) {
        return search(actor, query, kind, direction, agency, dateFrom, dateTo, page, size, false);
    }

    /**
     * {@code all}: read every candidate. Otherwise, where the lists are in memory (the embedded store), a search whose
     * filters leave more than {@link #SEARCH_LIMIT} candidates reads only the most recently changed of them and says
     * so ({@code partial}, {@code searched}); narrower filters, or {@code all}, search the rest.
     */
    public Page search(Actor actor, String query, String kind, String direction, String agency, String dateFrom,
                       String dateTo, int page, int size, boolean all) {
        return search(actor, query, kind, direction, agency, dateFrom, dateTo, page, size, all, false);
    }

    /** The statuses of a letter that has been filed (เก็บ): filed, then perhaps handed over or destroyed. */
    public static final List<String> FILED_STATUSES = List.of("FILED", "TRANSFERRED", "DESTROYED");

    /**
     * The archive's search (API.md, Archive): {@link #search} over the filed letters only ({@link #FILED_STATUSES}).
     * With no words it lists them all, the filters still applying, the latest dated first; each item carries its
     * {@code filing} (file code, how long it is kept).
     */
    public Page archive(Actor actor, String query, String kind, String agency, String dateFrom, String dateTo,
                        int page, int size, boolean all) {
        return search(actor, query, kind, null, agency, dateFrom, dateTo, page, size, all, true);
    }

    private Page search(Actor actor, String query, String kind, String direction, String agency, String dateFrom,
                        String dateTo, int page, int size, boolean all, boolean filed) {
        List<String> parts = LetterSearch.parts(query);
        if (parts.isEmpty() && !filed || actor.agencyCode() == null) {
            return new Page(List.of(), 0, 0, Math.max(1, Math.min(size, 200)), false, 0);
        }
        // a hit keeps only what ranks it: at 500,000 letters a common word matches most of them, and holding
        // each matching document whole took gigabytes; the page's letters are read again below, whole
        record Hit(Object id, double score, String date, long position) {
        }
        List<Hit> hits = new ArrayList<>();
        Iterable<Document> candidates;
        boolean partial = false;
        if (!searchByIds) {
            candidates = candidates(parts, searchWhere(actor, kind, direction, dateFrom, dateTo, filed));
        } else if (store.listIndex() != null) {
            // newest first, so a limited search reads the letters changed last
            List<String> ids = store.listIndex().ids(actor.agencyCode(),
                    searchFilter(actor, kind, direction, dateFrom, dateTo, filed));
            partial = !all && ids.size() > searchLimit;
            candidates = byIds(partial ? ids.subList(0, searchLimit) : ids);
        } else {
            candidates = byIds(listedIds(actor, searchWhere(actor, kind, direction, dateFrom, dateTo, filed)));
        }
        int searched = 0;
        for (Document d : candidates) {
            searched++;
            if (!visible(d, actor) || agency != null && !agency.isBlank() && !LetterSearch.agencyMatches(d, agency)) {
                continue;
            }
            // no words (the archive's listing): every filed letter is a hit, the latest dated first
            double score = parts.isEmpty() ? 1 : LetterSearch.score(d, parts);
            if (score > 0) {
                Number position = d.get(PositionedStore.POSITION, Number.class);
                hits.add(new Hit(d.get("_id"), score, d.getString("date"), position == null ? 0L : position.longValue()));
            }
        }
        // ties: the later date, then the letter changed last, then the id, so every way of reading gives one order
        hits.sort(java.util.Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(h -> h.date() == null ? "" : h.date(), java.util.Comparator.reverseOrder())
                .thenComparing(Hit::position, java.util.Comparator.reverseOrder())
                .thenComparing(h -> String.valueOf(h.id())));
        int n = Math.max(1, Math.min(size, 200));
        int p = Math.max(0, page);
        List<Hit> shown = hits.stream().skip((long) p * n).limit(n).toList();
        Map<Object, Document> letters = new HashMap<>();
        if (!shown.isEmpty()) {
            store.letters().collection().find(in("_id", shown.stream().map(Hit::id).toList()))
                    .projection(Projections.exclude(LetterSearch.GRAMS, LetterSearch.WORDS))
                    .forEach(d -> letters.put(d.get("_id"), d));
        }
        List<Document> items = new ArrayList<>();
        for (Hit h : shown) {
            Document d = letters.get(h.id());
            if (d == null || !visible(d, actor)) {
                continue; // changed since it was scored (moved away, made secret): shown to no one it may not be
            }
            Document s = summary(d);
            s.put("score", Math.round(h.score() * 100) / 100.0);
            s.put("snippet", LetterSearch.snippet(d, parts, 120));
            if (d.get("filing") != null) {
                s.put("filing", d.get("filing"));
            }
            items.add(s);
        }
        return new Page(items, hits.size(), p, n, partial, searched);
    }

    /** The search's filters as the store's query (the lists in memory use {@link #searchFilter}). */
    private static List<Bson> searchWhere(Actor actor, String kind, String direction, String dateFrom, String dateTo,
                                          boolean filed) {
        List<Bson> where = new ArrayList<>(List.of(eq("agencyCode", actor.agencyCode())));
        if (filed) {
            where.add(in("status", FILED_STATUSES));
        }
        if (kind != null && !kind.isBlank()) {
            where.add(eq("kind", kind));
        }
        if (direction != null && !direction.isBlank()) {
            where.add(eq("direction", direction));
        }
        if (dateFrom != null && !dateFrom.isBlank()) {
            where.add(com.mongodb.client.model.Filters.gte("date", dateFrom));
        }
        if (dateTo != null && !dateTo.isBlank()) {
            where.add(com.mongodb.client.model.Filters.lte("date", dateTo + "\uffff"));
        }
        return where;
    }

    /**
     * What a search reads of each candidate: enough to score it ({@link LetterSearch#score}), to rank it, and to
     * check who may see it and its agency ({@link LetterSearch#agencyMatches}); not its trigrams, routes or history.
     */
    private static final Bson SCORED = Projections.include("_id", LetterSearch.TEXT, LetterSearch.WORDS, "subject",
            "date", PositionedStore.POSITION, "agencyCode", "agencyName", "fromAgencyCode", "fromAgencyName",
            "participants", "secrecy", "borrowerIds", "addresseeUnits", "routeUnits", "direction", "ownerUnitCode");

    /**
     * The letters that may match, without their trigrams: those matching {@code where} and having every trigram of
     * each part of three characters or more. The trigrams only select (a letter's score needs each part as written,
     * which has them all); they are the bulk of a letter's document, so they are not fetched, and replies come in
     * bounded batches.
     */
    private Iterable<Document> candidates(List<String> parts, List<Bson> where) {
        List<Bson> all = new ArrayList<>(where);
        List<String> grams = new ArrayList<>();
        for (String part : parts) {
            if (part.codePointCount(0, part.length()) >= 3) {
                grams.addAll(LetterSearch.grams(part));
            }
        }
        if (!grams.isEmpty()) {
            all.add(com.mongodb.client.model.Filters.all(LetterSearch.GRAMS, grams));
        }
        return store.letters().collection().find(and(all)).projection(SCORED).batchSize(200);
    }

    /**
     * The same candidates by the other way (see {@link #LetterQueries(LetterStore, boolean)}): the ids of the list
     * entries that match {@code where} and that the actor may see, then those letters by {@code _id} (which the
     * embedded server looks up in its index), {@value #SEARCH_CHUNK} at a time. The score leaves out what the
     * trigrams would have.
     */
    private List<Object> listedIds(Actor actor, List<Bson> where) {
        List<Bson> listed = new ArrayList<>(where);
        listed.add(visibleTo(actor));
        List<Object> ids = new ArrayList<>();
        store.list().find(and(listed)).projection(Projections.include("_id")).batchSize(1000)
                .forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /**
     * {@link #searchWhere} and {@link #visible} over the lists in memory
     * (on the embedded store, ADR 0016): its candidates' ids then come without reading the store at all.
     */
    private static Predicate<LetterListIndex.Entry> searchFilter(Actor actor, String kind,
            String direction, String dateFrom, String dateTo, boolean filed) {
        String from = dateFrom == null || dateFrom.isBlank() ? null : dateFrom;
        String to = dateTo == null || dateTo.isBlank() ? null : dateTo + "\uffff";
        return e -> (!filed || FILED_STATUSES.contains(e.status()))
                && (kind == null || kind.isBlank() || kind.equals(e.kind()))
                && (direction == null || direction.isBlank() || direction.equals(e.direction()))
                && (from == null || e.date() != null && e.date().compareTo(from) >= 0)
                && (to == null || e.date() != null && e.date().compareTo(to) <= 0)
                && visible(e::get, actor);
    }

    /** The letters of {@code ids}, read by {@code _id} {@link #searchChunk} at a time as the caller iterates. */
    private Iterable<Document> byIds(List<?> ids) {
        int chunks = (ids.size() + searchChunk - 1) / searchChunk;
        return () -> java.util.stream.IntStream.range(0, chunks)
                .mapToObj(c -> ids.subList(c * searchChunk, Math.min(ids.size(), (c + 1) * searchChunk)))
                .flatMap(some -> store.letters().collection().find(in("_id", some))
                        .projection(SCORED).into(new ArrayList<>()).stream())
                .iterator();
    }

    /** Register rows of one book and year, in number order. Clerks and records officers of the agency only. */
    public Optional<List<Document>> register(Actor actor, String agencyCode, RegisterBookType book, int yearBE) {
        if (!agencyCode.equals(actor.agencyCode())
                || !actor.hasAnyRole(Role.CLERK, Role.RECORDS_OFFICER, Role.APPROVER, Role.SIGNER)) {
            return Optional.empty();
        }
        List<Document> rows = store.registerRows().collection()
                .find(and(eq("agencyCode", agencyCode), eq("book", book.path()), eq("yearBE", yearBE)))
                .sort(Sorts.ascending("registerNumber")).into(new ArrayList<>());
        rows.forEach(r -> {
            r.remove("_id");
            r.remove("position");
            r.remove(Redaction.TERMS);
        });
        return Optional.of(rows);
    }

    /**
     * Waits until the letter's views reflect {@code position}; false on time-out. It waits on the letter's list entry,
     * which the projection writes after the letter itself ({@link LetterStore}): a client told that a letter changed
     * then finds the change in its inbox or outbox as well as on the letter.
     */
    public boolean awaitPosition(String id, long position, Duration timeout) {
        return PositionedStore.awaitPosition(store.list(), id, position, timeout);
    }

    /**
     * Same agency, then: clerks, records officers, approvers and signers see the agency's letters;
     * officers see what they drafted, what is addressed or routed to them or their unit. Secret letters
     * only reach the people who handle them and the agency's clerks. A borrower sees a letter on loan to them until
     * it is returned. {@code d} is the raw document
     * ({@link #raw}), so that a caller checking many people loads the letter once.
     */
    public static boolean visible(Document d, Actor actor) {
        return visible(d::get, actor);
    }

    /** {@link #visible(Document, Actor)} over any holder of a letter's fields. */
    private static boolean visible(Function<String, Object> field, Actor actor) {
        if (actor != null && actor.personId() != null && strings(field, "borrowerIds").contains(actor.personId())) {
            return true; // on loan to this person (a secret letter is lent only with a named grant)
        }
        if (actor == null || actor.agencyCode() == null || !actor.agencyCode().equals(field.apply("agencyCode"))) {
            return false;
        }
        boolean participant = strings(field, "participants").contains(actor.personId());
        Object secrecy = field.apply("secrecy");
        boolean secret = secrecy != null && !"NONE".equals(secrecy);
        if (secret) {
            return participant || actor.hasRole(Role.CLERK);
        }
        if (actor.hasAnyRole(Role.CLERK, Role.RECORDS_OFFICER, Role.APPROVER, Role.SIGNER)) {
            return true;
        }
        String unit = actor.unitCode();
        return participant
                || (unit != null && (strings(field, "addresseeUnits").contains(unit)
                || strings(field, "routeUnits").contains(unit)
                || ("OUTGOING".equals(field.apply("direction")) && unit.equals(field.apply("ownerUnitCode")))));
    }

    private static List<?> strings(Function<String, Object> field, String name) {
        return field.apply(name) instanceof List<?> l ? l : List.of();
    }

    private static Document view(Document d) {
        Document v = new Document(d);
        INTERNAL.forEach(v::remove);
        return v;
    }

    private static Document summary(Document d) {
        Document s = new Document();
        for (String k : List.of("id", "version", "direction", "kind", "kindThai", "status", "subject", "urgency",
                "urgencyThai", "deliverBy", "deliverByThai", "secrecy", "secrecyThai", "circular", "fromAgencyCode",
                "fromAgencyName", "agencyCode", "number", "date", "dateThai", "receivingNumber", "receivedAt",
                "receivedAtThai", "deliveredAt", "deliveredAtThai", "dispatchedAt", "dispatchedAtThai",
                "unacknowledged", "copyOnly")) {
            if (d.containsKey(k)) {
                s.put(k, d.get(k));
            }
        }
        List<Document> routes = d.getList("routes", Document.class, List.of());
        s.put("openRoutes", routes.stream().filter(r -> !"COMPLETED".equals(r.getString("state"))).count());
        // routed but not yet acknowledged by the unit or person it went to (the inbox's marker)
        s.put("unacknowledgedRoutes", routes.stream().filter(r -> "OPEN".equals(r.getString("state"))).count());
        s.put("dueDate", routes.stream().filter(r -> !"COMPLETED".equals(r.getString("state")))
                .map(r -> r.getString("dueDate")).filter(x -> x != null).sorted().findFirst().orElse(null));
        return s;
    }
}
