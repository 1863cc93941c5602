package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.saraban.query.letter.Letters.AGENCY;
import static org.saraban.query.letter.Letters.AGENCY_NAME;
import static org.saraban.query.letter.Letters.APPROVER;
import static org.saraban.query.letter.Letters.AUTHOR;
import static org.saraban.query.letter.Letters.CLERK;
import static org.saraban.query.letter.Letters.DISPATCH_AT;
import static org.saraban.query.letter.Letters.RECEIVER;
import static org.saraban.query.letter.Letters.RECEIVER_NAME;
import static org.saraban.query.letter.Letters.R_CLERK;
import static org.saraban.query.letter.Letters.R_OFFICER;
import static org.saraban.query.letter.Letters.SIGNER;
import static org.saraban.query.letter.Letters.TO_RECEIVER;
import static org.saraban.query.letter.Letters.UNIT;
import static org.saraban.query.letter.Letters.YEAR_BE;
import static org.saraban.query.letter.Letters.acknowledged;
import static org.saraban.query.letter.Letters.actor;
import static org.saraban.query.letter.Letters.approved;
import static org.saraban.query.letter.Letters.content;
import static org.saraban.query.letter.Letters.created;
import static org.saraban.query.letter.Letters.delivered;
import static org.saraban.query.letter.Letters.dispatched;
import static org.saraban.query.letter.Letters.external;
import static org.saraban.query.letter.Letters.filed;
import static org.saraban.query.letter.Letters.number;
import static org.saraban.query.letter.Letters.received;
import static org.saraban.query.letter.Letters.routedToPerson;
import static org.saraban.query.letter.Letters.routedToUnit;
import static org.saraban.query.letter.Letters.submitted;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.Secrecy;
import org.saraban.query.letter.LetterQueries.Filter;
import org.saraban.query.letter.LetterQueries.Page;
import org.saraban.query.support.EventLog;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.EmbeddedMongoServer;

/** Reads of the letter views with access control, over a read model the projection built. */
class LetterQueriesTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private com.mongodb.client.MongoDatabase db;
    private LetterStore store;
    private LetterQueries queries;
    private EventLog log;

    @BeforeEach
    void setUp() {
        db = MONGO.newDatabase();
        store = new LetterStore(db);
        store.ensureIndexes();
        queries = new LetterQueries(store);
        log = new EventLog(new LetterProjection(store));
    }

    private static Filter all() {
        return filter(null, null, null, 0, 50);
    }

    private static Filter filter(String status, String q, String unit, int page, int size) {
        return new Filter(status, q, unit, null, null, null, null, page, size);
    }

    private static List<String> ids(Page page) {
        return page.items().stream().map(d -> d.getString("id")).toList();
    }

    @Nested
    class Visibility {

        // สพร, where every letter below lives, unless it says otherwise
        static final Actor OFFICER_OTHER_UNIT = actor("p-planner", "นางนักวางแผน", "นักวิเคราะห์", AGENCY, "๐๒",
                Role.OFFICER);
        static final Actor COLLEAGUE = actor("p-colleague", "นายเพื่อนร่วมกอง", "นักวิเคราะห์", AGENCY, UNIT,
                Role.OFFICER);
        static final Actor OFFICER_03 = actor("p-o3", "นายกองสาม", "นักวิชาการ", AGENCY, "๐๓", Role.OFFICER);
        static final Actor OFFICER_04 = actor("p-o4", "นางกองสี่", "นักวิชาการ", AGENCY, "๐๔", Role.OFFICER);
        static final Actor NAMED = actor("p-named", "นายผู้รับมอบ", "นักวิชาการ", AGENCY, "๐๙", Role.OFFICER);
        static final Actor ADDRESSED = actor("p-addressed", "นางผู้รับหนังสือ", "ผู้เชี่ยวชาญ", AGENCY, "๐๘",
                Role.OFFICER);
        static final Actor RECORDS = actor("p-records", "นายเก็บรักษา", "เจ้าหน้าที่เก็บรักษา", AGENCY, UNIT,
                Role.RECORDS_OFFICER);
        static final Actor OTHER_APPROVER = actor("p-approver2", "นางผู้อนุมัติอื่น", "ผู้อำนวยการกอง", AGENCY, "๐๒",
                Role.APPROVER);
        static final Actor OTHER_SIGNER = actor("p-signer2", "นางผู้ลงนามอื่น", "รองผู้อำนวยการ", AGENCY, null,
                Role.SIGNER);
        /** Holds every role, in another agency. */
        static final Actor STRANGER = actor("r-all", "นายทุกบทบาท", "ผู้ดูแล", RECEIVER, "๐๑", Role.values());
        static final Actor ADMIN = new Actor("admin", "ผู้ดูแลระบบ", null, null, null, Set.of(Role.ADMIN), "PASSWORD");

        /** Drafted by AUTHOR (unit ๐๑) and dispatched. */
        static final String OWN = "out-own";
        /** Drafted in unit ๐๒. */
        static final String OTHER_UNITS = "out-other-unit";
        /** Secret, drafted by AUTHOR, submitted to APPROVER, to be signed by SIGNER. */
        static final String SECRET = "out-secret";
        /** Received copies: to unit ๐๓, to a named person, routed to unit ๐๔, routed to a named person. */
        static final String TO_UNIT = "in-to-unit";
        static final String TO_PERSON = "in-to-person";
        static final String ROUTED_UNIT = "in-routed-unit";
        static final String ROUTED_PERSON = "in-routed-person";
        /** A secret copy addressed to unit ๐๓. */
        static final String SECRET_IN = "in-secret";
        /** A letter of นร ๐๕. */
        static final String ELSEWHERE = "elsewhere";

        static final List<String> NON_SECRET = List.of(OWN, OTHER_UNITS, TO_UNIT, TO_PERSON, ROUTED_UNIT,
                ROUTED_PERSON);

        @BeforeEach
        void letters() {
            LetterContent own = external("ขอเชิญประชุม");
            log.apply(created(OWN, own));
            log.apply(dispatched(OWN, own, 1, "copy-own"));

            log.apply(created(OTHER_UNITS, AGENCY, AGENCY_NAME, OFFICER_OTHER_UNIT, external("แผนงานกองสอง")));

            LetterContent secret = content("เรื่องลับ", Secrecy.SECRET, false, List.of(TO_RECEIVER), List.of());
            log.apply(created(SECRET, secret));
            log.apply(submitted(SECRET));
            log.apply(approved(SECRET));

            LetterContent incoming = external("ขอข้อมูล");
            log.apply(delivered(TO_UNIT, "x1", AGENCY, incoming, "นร ๐๕/๑",
                    List.of(new Recipient(AGENCY, "๐๓", null, "ผู้อำนวยการกองสาม", null))));
            log.apply(delivered(TO_PERSON, "x2", AGENCY, incoming, "นร ๐๕/๒",
                    List.of(new Recipient(AGENCY, null, ADDRESSED.personId(), "ผู้เชี่ยวชาญ", null))));
            log.apply(delivered(ROUTED_UNIT, "x3", AGENCY, incoming, "นร ๐๕/๓", List.of()));
            log.apply(received(ROUTED_UNIT, "x3", AGENCY, CLERK, 1));
            log.apply(routedToUnit(ROUTED_UNIT, "r1", "๐๔", "กองสี่"));
            log.apply(delivered(ROUTED_PERSON, "x4", AGENCY, incoming, "นร ๐๕/๔", List.of()));
            log.apply(received(ROUTED_PERSON, "x4", AGENCY, CLERK, 2));
            log.apply(routedToPerson(ROUTED_PERSON, "r2", NAMED.ref()));
            log.apply(delivered(SECRET_IN, "x5", AGENCY,
                    content("เรื่องลับเข้า", Secrecy.VERY_SECRET, false, List.of(), List.of()), "นร ๐๕/๕",
                    List.of(new Recipient(AGENCY, "๐๓", null, "ผู้อำนวยการกองสาม", null))));

            log.apply(created(ELSEWHERE, RECEIVER, RECEIVER_NAME, R_OFFICER, external("ของหน่วยงานอื่น")));
        }

        private List<String> visibleTo(Actor actor) {
            return List.of(OWN, OTHER_UNITS, SECRET, TO_UNIT, TO_PERSON, ROUTED_UNIT, ROUTED_PERSON, SECRET_IN,
                    ELSEWHERE).stream().filter(id -> queries.find(id, actor).isPresent()).toList();
        }

        private List<String> listedTo(Actor actor) {
            return java.util.stream.Stream.concat(ids(queries.outbox(actor, all())).stream(),
                    ids(queries.inbox(actor, all())).stream()).sorted().toList();
        }

        /**
         * The embedded server's way of searching (ids from the list entries, then the letters by id in chunks) finds
         * what the one query over the trigrams finds, for everyone, with every filter, and nothing the caller may not
         * open. Chunks of two here, so a search spans several.
         */
        @Test
        void searching_by_ids_in_chunks_finds_what_the_one_query_finds_and_only_what_the_caller_may_see() {
            LetterQueries byIds = new LetterQueries(store, true, 2);
            LetterStore inMemory = new LetterStore(db, true); // the embedded store's: candidates from the lists in memory
            inMemory.loadListIndex();
            LetterQueries byIdsFromMemory = new LetterQueries(inMemory, true, 2);
            List<Actor> everyone = List.of(AUTHOR, CLERK, APPROVER, SIGNER, R_CLERK, R_OFFICER, OFFICER_OTHER_UNIT,
                    COLLEAGUE, OFFICER_03, OFFICER_04, NAMED, ADDRESSED, RECORDS, OTHER_APPROVER, OTHER_SIGNER, STRANGER,
                    ADMIN);
            int found = 0;
            for (Actor actor : everyone) {
                for (String q : List.of("ขอ", "ขอเชิญประชุม", "เรื่องลับ", "ข้อมูล", "แผนงาน กองสอง", "ไม่มีในหนังสือใด")) {
                    for (String[] f : List.of(new String[] {null, null}, new String[] {null, "INCOMING"},
                            new String[] {"EXTERNAL", "OUTGOING"})) {
                        Page one = queries.search(actor, q, f[0], f[1], null, null, null, 0, 50);
                        Page chunked = byIds.search(actor, q, f[0], f[1], null, null, null, 0, 50);
                        String what = actor.personId() + " searching " + q + " " + java.util.Arrays.toString(f);
                        assertThat(ids(chunked)).as(what).containsExactlyElementsOf(ids(one));
                        assertThat(chunked.total()).as(what).isEqualTo(one.total());
                        assertThat(ids(chunked)).as(what).allMatch(id -> queries.find(id, actor).isPresent());
                        Page fromMemory = byIdsFromMemory.search(actor, q, f[0], f[1], null, null, null, 0, 50);
                        assertThat(ids(fromMemory)).as(what + " (lists in memory)").containsExactlyElementsOf(ids(one));
                        assertThat(fromMemory.total()).as(what + " (lists in memory)").isEqualTo(one.total());
                        found += ids(chunked).size();
                    }
                }
            }
            assertThat(found).as("searches that found something").isGreaterThan(20);
            for (Actor actor : List.of(CLERK, AUTHOR, OFFICER_03, RECORDS)) {
                for (String[] dates : List.of(new String[] {"2026-11-22", null}, new String[] {null, "2026-11-23"},
                        new String[] {"2026-11-23", "2026-11-24"}, new String[] {"2027-01-01", null})) {
                    Page one = queries.search(actor, "ขอ", null, null, null, dates[0], dates[1], 0, 50);
                    Page fromMemory = byIdsFromMemory.search(actor, "ขอ", null, null, null, dates[0], dates[1], 0, 50);
                    assertThat(ids(fromMemory)).as(actor.personId() + " " + java.util.Arrays.toString(dates))
                            .containsExactlyElementsOf(ids(one));
                }
            }
            assertThat(ids(byIds.search(CLERK, "ขอ", null, null, null, null, null, 0, 50)))
                    .contains(OWN, TO_UNIT, TO_PERSON, ROUTED_UNIT, ROUTED_PERSON).doesNotContain(ELSEWHERE);

            // a hit is ranked from a part of its letter, and shown from the whole: each item is the letter's summary as
            // the boxes give it (less the caller's read mark), with its score and a snippet
            Map<Object, Document> listed = new HashMap<>();
            java.util.stream.Stream.concat(queries.outbox(CLERK, all()).items().stream(),
                    queries.inbox(CLERK, all()).items().stream()).forEach(d -> {
                        Document item = new Document(d);
                        item.remove("read");
                        listed.put(d.get("id"), item);
                    });
            for (LetterQueries q : List.of(queries, byIds, byIdsFromMemory)) {
                List<Document> items = q.search(CLERK, "ขอ", null, null, null, null, null, 0, 50).items();
                assertThat(items).hasSizeGreaterThan(4).allSatisfy(item -> {
                    assertThat(item.get("score", Number.class).doubleValue()).isPositive();
                    assertThat(item.getString("snippet")).contains("ขอ");
                    Document summary = new Document(item);
                    summary.remove("score");
                    summary.remove("snippet");
                    assertThat(summary).isEqualTo(listed.get(item.get("id")));
                });
            }
        }

        /**
         * The archive's search looks at filed letters only (filed, or handed over or destroyed after), with the same
         * visibility as a search, the same way on every path (the one query, ids in chunks, the lists in memory); with
         * no words it lists every filed letter the caller may see; each item carries its filing.
         */
        @Test
        void the_archive_searches_and_lists_the_filed_letters_the_caller_may_see_and_nothing_else() {
            for (String id : List.of(OWN, TO_UNIT, ROUTED_UNIT, SECRET_IN)) {
                log.apply(filed(id, RECORDS, 2580));
            }
            List<String> filed = List.of(OWN, TO_UNIT, ROUTED_UNIT, SECRET_IN);
            LetterQueries byIds = new LetterQueries(store, true, 2);
            LetterStore inMemory = new LetterStore(db, true);
            inMemory.loadListIndex();
            LetterQueries byIdsFromMemory = new LetterQueries(inMemory, true, 2);
            int found = 0;
            for (Actor actor : List.of(AUTHOR, CLERK, R_CLERK, OFFICER_03, OFFICER_04, NAMED, RECORDS, STRANGER, ADMIN)) {
                List<String> mayOpen = filed.stream().filter(id -> queries.find(id, actor).isPresent()).sorted().toList();
                for (String q : List.of("", "ขอ", "ขอเชิญประชุม", "ไม่มีในหนังสือใด")) {
                    String what = actor.personId() + " searching the archive for '" + q + "'";
                    Page one = queries.archive(actor, q, null, null, null, null, 0, 50, false);
                    assertThat(ids(one)).as(what).isSubsetOf(mayOpen);
                    if (q.isEmpty()) {
                        assertThat(ids(one).stream().sorted().toList()).as(what).isEqualTo(mayOpen);
                    }
                    assertThat(ids(byIds.archive(actor, q, null, null, null, null, 0, 50, false))).as(what)
                            .containsExactlyElementsOf(ids(one));
                    assertThat(ids(byIdsFromMemory.archive(actor, q, null, null, null, null, 0, 50, false))).as(what)
                            .containsExactlyElementsOf(ids(one));
                    one.items().forEach(item -> assertThat(item.get("filing", Document.class).getString("fileCode"))
                            .isEqualTo("๒.๓/๒๕๖๙"));
                    found += ids(one).size();
                }
            }
            assertThat(found).as("filed letters found").isGreaterThan(10);
            // a search finds unfiled letters too; the archive does not
            assertThat(ids(queries.search(CLERK, "ขอ", null, null, null, null, null, 0, 50))).contains(ROUTED_PERSON);
            assertThat(ids(queries.archive(CLERK, "ขอ", null, null, null, null, 0, 50, false)))
                    .contains(OWN, TO_UNIT, ROUTED_UNIT).doesNotContain(ROUTED_PERSON, OTHER_UNITS);
            // the filters still apply
            assertThat(ids(queries.archive(CLERK, "", null, null, "2027-01-01", null, 0, 50, false))).isEmpty();
            assertThat(ids(byIdsFromMemory.archive(CLERK, "", null, null, "2027-01-01", null, 0, 50, false))).isEmpty();
        }

        /**
         * On the embedded store a search whose candidates are more than its limit reads only the most recently changed
         * of them, and says so; asked for all, it reads every one and finds what the unlimited search finds.
         */
        @Test
        void a_search_past_its_limit_reads_the_letters_changed_last_says_it_is_partial_and_can_be_asked_for_all() {
            LetterStore inMemory = new LetterStore(db, true);
            inMemory.loadListIndex();
            LetterQueries limited = new LetterQueries(inMemory, true, 2, 3);
            Page everything = queries.search(CLERK, "ขอ", null, null, null, null, null, 0, 50);
            assertThat(everything.total()).isGreaterThan(3);

            Page some = limited.search(CLERK, "ขอ", null, null, null, null, null, 0, 50);
            assertThat(some.partial()).isTrue();
            assertThat(some.searched()).isEqualTo(3);
            // the three letters the clerk may see that were changed last, whichever box they are in
            List<String> newest = java.util.stream.Stream.concat(queries.outbox(CLERK, all()).items().stream(),
                    queries.inbox(CLERK, all()).items().stream())
                    .map(d -> d.getString("id"))
                    .sorted(java.util.Comparator.comparingLong((String id) -> store.letters().get(id)
                            .get(PositionedStore.POSITION, Number.class).longValue()).reversed()
                            .thenComparing(java.util.Comparator.reverseOrder()))
                    .limit(3).toList();
            assertThat(ids(some)).isNotEmpty().isSubsetOf(newest);
            assertThat(ids(some)).containsExactlyElementsOf(ids(everything).stream().filter(newest::contains).toList());

            Page whole = limited.search(CLERK, "ขอ", null, null, null, null, null, 0, 50, true);
            assertThat(whole.partial()).isFalse();
            assertThat(ids(whole)).containsExactlyElementsOf(ids(everything));
            assertThat(whole.total()).isEqualTo(everything.total());

            // filters that leave no more than the limit read them all
            Page none = limited.search(CLERK, "ขอ", null, null, null, "2027-01-01", null, 0, 50);
            assertThat(none.partial()).isFalse();
            assertThat(none.searched()).isZero();
        }

        /**
         * The embedded store's lists, filtered in memory (LetterListIndex, filled from the store as at start), list what
         * the store's query lists: for everyone, in both boxes, with every filter and across pages, in one order.
         */
        @Test
        void the_lists_in_memory_list_what_the_stores_query_lists_for_everyone_with_every_filter() {
            Instant now = Instant.parse("2026-11-22T03:00:00Z");
            queries.open(TO_UNIT, CLERK, now);
            queries.open(OWN, CLERK, now);
            queries.open(TO_UNIT, OFFICER_03, now);
            LetterStore inMemory = new LetterStore(db, true);
            inMemory.loadListIndex();
            assertThat(inMemory.listIndex().size()).isEqualTo(9);
            LetterQueries fromMemory = new LetterQueries(inMemory);
            List<Actor> everyone = List.of(AUTHOR, CLERK, APPROVER, SIGNER, R_CLERK, R_OFFICER, OFFICER_OTHER_UNIT,
                    COLLEAGUE, OFFICER_03, OFFICER_04, NAMED, ADDRESSED, RECORDS, OTHER_APPROVER, OTHER_SIGNER, STRANGER,
                    ADMIN);
            List<Filter> filters = new java.util.ArrayList<>(List.of(all(),
                    new Filter("DISPATCHED,RECEIVED,ROUTED", null, null, null, null, null, null, 0, 50),
                    new Filter("DRAFT", null, null, null, null, null, null, 0, 50),
                    new Filter(null, null, null, null, "URGENT", null, null, 0, 50),
                    new Filter(null, null, null, null, "NORMAL", null, null, 0, 50),
                    new Filter(null, null, null, null, null, "EXTERNAL", null, 0, 50),
                    new Filter(null, null, null, null, null, null, true, 0, 50),
                    new Filter(null, null, "๐๓", null, null, null, null, 0, 50),
                    new Filter(null, null, UNIT, null, null, null, null, 0, 50),
                    new Filter(null, null, "๐๔", null, null, null, null, 0, 50),
                    new Filter(null, null, null, AUTHOR.personId(), null, null, null, 0, 50),
                    new Filter(null, null, null, NAMED.personId(), null, null, null, 0, 50),
                    new Filter(null, "ขอ", null, null, null, null, null, 0, 50),
                    new Filter(null, "นร ๐๕", null, null, null, null, null, 0, 50),
                    new Filter(null, "ไม่มีในหนังสือใด", null, null, null, null, null, 0, 50),
                    new Filter(null, null, null, null, null, null, null, true, 0, 50),
                    new Filter(null, null, null, null, null, null, null, false, 0, 50)));
            for (int page = 0; page < 4; page++) {
                filters.add(new Filter(null, null, null, null, null, null, null, page, 2));
            }
            int listed = 0;
            for (Actor actor : everyone) {
                for (Filter f : filters) {
                    for (boolean inbox : List.of(true, false)) {
                        Page store = inbox ? queries.inbox(actor, f) : queries.outbox(actor, f);
                        Page memory = inbox ? fromMemory.inbox(actor, f) : fromMemory.outbox(actor, f);
                        String what = actor.personId() + (inbox ? " inbox " : " outbox ") + f;
                        assertThat(ids(memory)).as(what).containsExactlyElementsOf(ids(store));
                        assertThat(memory.total()).as(what).isEqualTo(store.total());
                        assertThat(memory.items()).as(what).containsExactlyElementsOf(store.items());
                        listed += ids(memory).size();
                    }
                }
            }
            assertThat(listed).as("letters listed in all").isGreaterThan(200);
        }

        @Test
        void another_agency_never_sees_a_letter_even_with_every_role() {
            assertThat(visibleTo(STRANGER)).containsExactly(ELSEWHERE);
            assertThat(ids(queries.outbox(STRANGER, all()))).containsExactly(ELSEWHERE);
            assertThat(queries.inbox(STRANGER, all()).total()).isZero();
        }

        @Test
        void the_agencys_clerk_sees_every_letter_of_the_agency_including_secret_ones() {
            assertThat(visibleTo(CLERK)).containsExactlyInAnyOrder(OWN, OTHER_UNITS, SECRET, TO_UNIT, TO_PERSON,
                    ROUTED_UNIT, ROUTED_PERSON, SECRET_IN);
            assertThat(listedTo(CLERK)).containsExactlyInAnyOrderElementsOf(visibleTo(CLERK));
        }

        @Test
        void records_officers_approvers_and_signers_see_every_non_secret_letter_of_the_agency() {
            for (Actor a : List.of(RECORDS, OTHER_APPROVER, OTHER_SIGNER)) {
                assertThat(visibleTo(a)).as(a.displayName()).containsExactlyInAnyOrderElementsOf(NON_SECRET);
                assertThat(listedTo(a)).as(a.displayName()).containsExactlyInAnyOrderElementsOf(NON_SECRET);
            }
        }

        @Test
        void an_officer_sees_the_letters_they_drafted_and_their_units_outgoing_letters_only() {
            assertThat(visibleTo(AUTHOR)).containsExactlyInAnyOrder(OWN, SECRET);
            assertThat(visibleTo(COLLEAGUE)).containsExactly(OWN);
            assertThat(visibleTo(OFFICER_OTHER_UNIT)).containsExactly(OTHER_UNITS);
            assertThat(listedTo(COLLEAGUE)).containsExactly(OWN);
        }

        @Test
        void an_officer_sees_letters_addressed_to_their_unit_or_to_them() {
            assertThat(visibleTo(OFFICER_03)).containsExactly(TO_UNIT);
            assertThat(visibleTo(ADDRESSED)).containsExactly(TO_PERSON);
            assertThat(ids(queries.inbox(OFFICER_03, all()))).containsExactly(TO_UNIT);
            assertThat(ids(queries.inbox(ADDRESSED, all()))).containsExactly(TO_PERSON);
        }

        @Test
        void an_officer_sees_letters_routed_to_their_unit_or_to_them() {
            assertThat(visibleTo(OFFICER_04)).containsExactly(ROUTED_UNIT);
            assertThat(visibleTo(NAMED)).containsExactly(ROUTED_PERSON);
            assertThat(ids(queries.inbox(OFFICER_04, all()))).containsExactly(ROUTED_UNIT);
            assertThat(ids(queries.inbox(NAMED, all()))).containsExactly(ROUTED_PERSON);
        }

        @Test
        void a_secret_letter_reaches_only_the_people_who_handle_it_and_the_clerks() {
            assertThat(queries.find(SECRET, AUTHOR)).isPresent();
            assertThat(queries.find(SECRET, APPROVER)).isPresent();
            assertThat(queries.find(SECRET, SIGNER)).as("the signatory").isPresent();
            assertThat(queries.find(SECRET, CLERK)).isPresent();

            assertThat(queries.find(SECRET, RECORDS)).isEmpty();
            assertThat(queries.find(SECRET, OTHER_APPROVER)).isEmpty();
            assertThat(queries.find(SECRET, OTHER_SIGNER)).isEmpty();
            assertThat(queries.find(SECRET, COLLEAGUE)).as("same owner unit").isEmpty();
            // addressed to unit ๐๓, but secret and not to a named person
            assertThat(queries.find(SECRET_IN, OFFICER_03)).isEmpty();
            assertThat(ids(queries.outbox(OTHER_SIGNER, all()))).doesNotContain(SECRET);
            assertThat(ids(queries.outbox(APPROVER, all()))).contains(SECRET);
        }

        @Test
        void someone_without_an_agency_sees_nothing_and_nothing_fails() {
            assertThatCode(() -> {
                assertThat(visibleTo(ADMIN)).isEmpty();
                assertThat(queries.inbox(ADMIN, all()).total()).isZero();
                assertThat(queries.outbox(ADMIN, all()).items()).isEmpty();
                assertThat(queries.register(ADMIN, AGENCY, RegisterBookType.SENT, YEAR_BE)).isEmpty();
            }).doesNotThrowAnyException();
        }

        @Test
        void a_found_letter_hides_the_fields_kept_for_access_control() {
            Document view = queries.find(SECRET, APPROVER).orElseThrow();

            assertThat(view.getString("subject")).isEqualTo("เรื่องลับ");
            assertThat(view.getString("status")).isEqualTo("APPROVED");
            assertThat(view).doesNotContainKeys("_id", "position", "participants", "routeUnits", "addresseeUnits",
                    "approvedContentHash");
            // the raw document keeps them, for the web layer's own checks
            assertThat(queries.raw(SECRET).orElseThrow()).containsKeys("participants", "position");
        }

        @Test
        void an_unknown_letter_is_not_found() {
            assertThat(queries.find("no-such-letter", CLERK)).isEmpty();
            assertThat(queries.raw("no-such-letter")).isEmpty();
        }
    }

    @Nested
    class Inbox {

        // five letters received by นร ๐๕, oldest first
        static final String MEETING = "c1";
        static final String DATA = "c2";
        static final String REPORT = "c3";
        static final String WORKSHOP = "c4";
        static final String SEMINAR = "c5";

        @BeforeEach
        void letters() {
            Recipient toUnit03 = new Recipient(RECEIVER, "๐๓", null, "ผู้อำนวยการกองสาม", null);
            log.apply(delivered(MEETING, "s1", external("ขอเชิญประชุมคณะกรรมการ"), "สพร ๐๑/๑", List.of(toUnit03)));
            log.apply(delivered(DATA, "s2", external("ขอความอนุเคราะห์ข้อมูล"), "สพร ๐๑/๒", List.of(TO_RECEIVER)));
            log.apply(received(DATA, "s2", 1));
            log.apply(delivered(REPORT, "s3", external("รายงานผลการดำเนินงาน"), "กค ๐๔๐๒/๗", List.of(TO_RECEIVER)));
            log.apply(received(REPORT, "s3", 2));
            log.apply(routedToUnit(REPORT, "r1", "๐๔", "กองสี่"));
            log.apply(delivered(WORKSHOP, "s4", external("Digital ID Workshop"), "สพร ๐๑/๔", List.of(TO_RECEIVER)));
            log.apply(delivered(SEMINAR, "s5", external("ขอเชิญประชุมสัมมนา"), "สพร ๐๑/๕", List.of(TO_RECEIVER)));
            log.apply(received(SEMINAR, "s5", 3));
            log.apply(filed(SEMINAR, R_CLERK, 2579));
            // not in นร ๐๕'s inbox: its own outgoing letter, and a letter สพร received
            log.apply(created("out", RECEIVER, RECEIVER_NAME, R_CLERK, external("ขอเชิญประชุมตอบกลับ")));
            log.apply(delivered("elsewhere", "s6", AGENCY, external("ขอเชิญประชุมที่อื่น"), "นร ๐๕/๙",
                    List.of(new Recipient(AGENCY, null, null, "ผู้อำนวยการ", null))));
        }

        @Test
        void the_inbox_lists_the_agencys_incoming_letters_newest_first() {
            Page page = queries.inbox(R_CLERK, all());

            assertThat(ids(page)).containsExactly(SEMINAR, WORKSHOP, REPORT, DATA, MEETING);
            assertThat(page.total()).isEqualTo(5);
            assertThat(ids(queries.outbox(R_CLERK, all()))).containsExactly("out");
        }

        @Test
        void status_filters_by_one_status_or_a_comma_separated_list() {
            assertThat(ids(queries.inbox(R_CLERK, filter("RECEIVED", null, null, 0, 50))))
                    .containsExactly(REPORT, DATA);
            assertThat(ids(queries.inbox(R_CLERK, filter("DELIVERED,FILED", null, null, 0, 50))))
                    .containsExactly(SEMINAR, WORKSHOP, MEETING);
            assertThat(queries.inbox(R_CLERK, filter("CANCELLED", null, null, 0, 50)).total()).isZero();
        }

        @Test
        void q_finds_a_substring_of_the_subject_or_the_number() {
            assertThat(ids(queries.inbox(R_CLERK, filter(null, "ประชุม", null, 0, 50))))
                    .containsExactly(SEMINAR, MEETING);
            assertThat(ids(queries.inbox(R_CLERK, filter(null, "๐๔๐๒", null, 0, 50)))).containsExactly(REPORT);
            assertThat(ids(queries.inbox(R_CLERK, filter(null, "  digital id ", null, 0, 50))))
                    .as("trimmed, case-insensitive").containsExactly(WORKSHOP);
            assertThat(ids(queries.inbox(R_CLERK, filter(null, "๐๑/๒", null, 0, 50)))).containsExactly(DATA);
        }

        @Test
        void q_is_matched_literally_not_as_a_pattern() {
            assertThat(queries.inbox(R_CLERK, filter(null, "(", null, 0, 50)).total()).isZero();
            assertThat(queries.inbox(R_CLERK, filter(null, ".*", null, 0, 50)).total()).isZero();
        }

        @Test
        void unit_finds_letters_addressed_or_routed_to_the_unit() {
            assertThat(ids(queries.inbox(R_CLERK, filter(null, null, "๐๓", 0, 50)))).containsExactly(MEETING);
            assertThat(ids(queries.inbox(R_CLERK, filter(null, null, "๐๔", 0, 50)))).containsExactly(REPORT);
            assertThat(queries.inbox(R_CLERK, filter(null, null, "๐๗", 0, 50)).total()).isZero();
        }

        @Test
        void filters_combine() {
            assertThat(ids(queries.inbox(R_CLERK, filter("RECEIVED,FILED", "ประชุม", null, 0, 50))))
                    .containsExactly(SEMINAR);
        }

        @Test
        void pages_split_the_list_and_carry_the_total() {
            Page first = queries.inbox(R_CLERK, filter(null, null, null, 0, 2));
            Page second = queries.inbox(R_CLERK, filter(null, null, null, 1, 2));
            Page last = queries.inbox(R_CLERK, filter(null, null, null, 2, 2));
            Page beyond = queries.inbox(R_CLERK, filter(null, null, null, 3, 2));

            assertThat(ids(first)).containsExactly(SEMINAR, WORKSHOP);
            assertThat(ids(second)).containsExactly(REPORT, DATA);
            assertThat(ids(last)).containsExactly(MEETING);
            assertThat(beyond.items()).isEmpty();
            assertThat(List.of(first, second, last, beyond)).allSatisfy(p -> {
                assertThat(p.total()).isEqualTo(5);
                assertThat(p.size()).isEqualTo(2);
            });
            assertThat(second.page()).isEqualTo(1);
        }

        @Test
        void the_total_counts_only_what_the_caller_may_see() {
            Actor officer03 = actor("r-o3", "นายกองสาม", "นักวิชาการ", RECEIVER, "๐๓", Role.OFFICER);

            Page page = queries.inbox(officer03, filter(null, null, null, 0, 1));

            assertThat(ids(page)).containsExactly(MEETING);
            assertThat(page.total()).isEqualTo(1);
        }

        @Test
        void page_size_is_kept_between_1_and_200_and_a_negative_page_is_the_first() {
            Page tiny = queries.inbox(R_CLERK, filter(null, null, null, -4, 0));
            assertThat(tiny.size()).isEqualTo(1);
            assertThat(tiny.page()).isZero();
            assertThat(ids(tiny)).containsExactly(SEMINAR);
            assertThat(queries.inbox(R_CLERK, filter(null, null, null, 0, 10_000)).size()).isEqualTo(200);
        }

        @Test
        void a_summary_shows_the_list_columns_and_open_routes_but_no_internal_fields() {
            Document report = queries.inbox(R_CLERK, filter(null, "๐๔๐๒", null, 0, 50)).items().get(0);

            assertThat(report.getString("subject")).isEqualTo("รายงานผลการดำเนินงาน");
            assertThat(report.getString("status")).isEqualTo("RECEIVED");
            assertThat(report.getString("receivingNumber")).isEqualTo("๒");
            assertThat(report.getString("fromAgencyName")).isEqualTo(AGENCY_NAME);
            assertThat(report.get("openRoutes", Number.class).longValue()).isEqualTo(1);
            assertThat(report.get("unacknowledgedRoutes", Number.class).longValue()).isEqualTo(1);
            assertThat(report.getString("dueDate")).isEqualTo("2026-11-30");
            assertThat(report).doesNotContainKeys("_id", "position", "participants", "routeUnits", "addresseeUnits",
                    "body", "history");
        }
    }

    @Nested
    class ListEntries {

        @Test
        void each_letter_has_a_list_entry_with_the_fields_a_list_shows_kept_with_every_event() {
            LetterContent content = external("ขอเชิญประชุม");
            log.apply(created("one", content));
            log.apply(dispatched("one", content, 1, "copy-one"));

            Document letter = store.letters().get("one");
            Document entry = store.list().find(com.mongodb.client.model.Filters.eq("_id", "one")).first();
            assertThat(entry).isNotNull();
            assertThat(entry.getString("status")).isEqualTo(letter.getString("status")).isEqualTo("DISPATCHED");
            assertThat(entry.getString("number")).isEqualTo(letter.getString("number")).isNotNull();
            assertThat(entry.get("position")).isEqualTo(letter.get("position"));
            assertThat(entry.keySet()).doesNotContain(LetterSearch.GRAMS, LetterSearch.WORDS, LetterSearch.TEXT, "body");
        }

        @Test
        void an_entry_cut_off_by_a_crash_after_its_letter_was_written_catches_up_when_the_event_comes_again() {
            LetterContent content = external("ขอเชิญประชุม");
            log.apply(created("one", content));
            var dispatched = log.apply(dispatched("one", content, 1, "copy-one"));
            Document before = new Document(store.list().find(com.mongodb.client.model.Filters.eq("_id", "one")).first());
            // as if the process died after writing the letter and before its list entry: the entry is an event behind
            store.list().replaceOne(com.mongodb.client.model.Filters.eq("_id", "one"),
                    new Document(before).append("status", "DRAFT").append("position", 1L));

            log.feed(dispatched); // the processor's token was not stored: the event comes again

            Document entry = store.list().find(com.mongodb.client.model.Filters.eq("_id", "one")).first();
            assertThat(entry.getString("status")).isEqualTo("DISPATCHED");
            assertThat(entry.get("position")).isEqualTo(store.letters().get("one").get("position"));
        }

        @Test
        void the_lists_in_memory_follow_every_write_of_the_projection_and_are_emptied_with_the_list() {
            LetterStore inMemory = new LetterStore(db, true);
            LetterQueries fromMemory = new LetterQueries(inMemory);
            EventLog written = new EventLog(new LetterProjection(inMemory));
            LetterContent first = external("ขอเชิญประชุม");
            written.apply(created("one", first));
            written.apply(created("two", external("ขอข้อมูล")));
            assertThat(ids(fromMemory.outbox(CLERK, all()))).containsExactly("two", "one");

            written.apply(dispatched("one", first, 1, "copy-one")); // changed last: first in the list

            assertThat(ids(fromMemory.outbox(CLERK, all()))).containsExactly("one", "two");
            assertThat(ids(fromMemory.outbox(CLERK, filter("DISPATCHED", null, null, 0, 50)))).containsExactly("one");
            assertThat(fromMemory.outbox(CLERK, filter("DRAFT", null, null, 0, 50)).total()).isEqualTo(1);
            assertThat(ids(fromMemory.outbox(CLERK, all()))).containsExactlyElementsOf(ids(queries.outbox(CLERK, all())));

            inMemory.dropList(); // a rebuild starts from nothing
            assertThat(fromMemory.outbox(CLERK, all()).total()).isZero();
            assertThat(inMemory.listIndex().size()).isZero();
        }

        @Test
        void a_store_from_before_the_list_gets_its_entries_at_start_and_lists_them() {
            log.apply(created("old", external("หนังสือเดิม")));
            store.list().drop(); // as a store written before the list existed
            assertThat(queries.outbox(CLERK, all()).total()).isZero();

            store.fillList();

            assertThat(ids(queries.outbox(CLERK, all()))).containsExactly("old");
            store.fillList(); // and again changes nothing
            assertThat(store.list().countDocuments()).isEqualTo(1);
        }
    }

    @Nested
    class Outbox {

        @Test
        void the_outbox_filters_by_unacknowledged_urgency_kind_and_person() {
            LetterContent answered = external("หนังสือที่ตอบรับแล้ว");
            log.apply(created("answered", answered));
            log.apply(dispatched("answered", answered, 1, "copy-a"));
            log.apply(acknowledged("answered", "copy-a", "๑"));
            LetterContent waiting = external("หนังสือที่รอตอบรับ");
            log.apply(created("waiting", waiting));
            log.apply(dispatched("waiting", waiting, 2, "copy-w"));
            Actor secretary = actor("p-sec", "นางเลขานุการ", "เลขานุการ", AGENCY, UNIT, Role.OFFICER);
            LetterContent order = new LetterContent(LetterKind.ORDER, false, null, null, null, "แต่งตั้งคณะทำงาน", null,
                    List.of(), List.of(), List.of(), List.of("ให้บุคคลต่อไปนี้เป็นคณะทำงาน"), null, SIGNER.ref(), null,
                    List.of(), null);
            log.apply(created("order", AGENCY, AGENCY_NAME, secretary, order));

            assertThat(ids(queries.outbox(CLERK, new Filter(null, null, null, null, null, null, true, 0, 50))))
                    .containsExactly("waiting");
            assertThat(ids(queries.outbox(CLERK, new Filter(null, null, null, null, "URGENT", null, null, 0, 50))))
                    .containsExactly("waiting", "answered");
            assertThat(ids(queries.outbox(CLERK, new Filter(null, null, null, null, null, "ORDER", null, 0, 50))))
                    .containsExactly("order");
            assertThat(ids(queries.outbox(CLERK, new Filter(null, null, null, AUTHOR.personId(), null, null, null, 0,
                    50)))).containsExactly("waiting", "answered");
            assertThat(ids(queries.outbox(CLERK, all()))).containsExactly("order", "waiting", "answered");
        }
    }

    @Nested
    class Register {

        static final Actor OFFICER = actor("p-officer", "นายเจ้าหน้าที่", "นักวิเคราะห์", AGENCY, UNIT, Role.OFFICER);
        static final Actor RECORDS = actor("p-records", "นายเก็บรักษา", "เจ้าหน้าที่เก็บรักษา", AGENCY, UNIT,
                Role.RECORDS_OFFICER);

        @BeforeEach
        void dispatchOutOfOrder() {
            // numbers are issued in order, but their dispatches may be projected in any order
            for (long n : new long[] {3, 1, 2}) {
                LetterContent c = external("หนังสือเลขที่ " + n);
                log.apply(created("l" + n, c));
                log.apply(dispatched("l" + n, c, n, "copy-" + n));
            }
            LetterContent circular = content("หนังสือเวียน", Secrecy.NONE, true, List.of(TO_RECEIVER), List.of());
            log.apply(created("lc", circular));
            log.apply(dispatched("lc", AGENCY, AGENCY_NAME, circular, RegisterBookType.CIRCULAR, YEAR_BE, 1,
                    "สพร ๐๑/ว ๑", "copy-c", DISPATCH_AT));
            LetterContent nextYear = external("หนังสือปีหน้า");
            log.apply(created("ln", nextYear));
            log.apply(dispatched("ln", AGENCY, AGENCY_NAME, nextYear, RegisterBookType.SENT, YEAR_BE + 1, 1,
                    number(1), "copy-n", Instant.parse("2027-01-05T03:00:00Z")));
            log.apply(delivered("copy-1", "l1", external("หนังสือเลขที่ 1"), number(1), List.of(TO_RECEIVER)));
            log.apply(received("copy-1", "l1", 1));
        }

        @Test
        void the_clerk_reads_the_books_rows_in_number_order() {
            List<Document> rows = queries.register(CLERK, AGENCY, RegisterBookType.SENT, YEAR_BE).orElseThrow();

            assertThat(rows).extracting(r -> r.get("registerNumber", Number.class).longValue())
                    .containsExactly(1L, 2L, 3L);
            assertThat(rows).extracting(r -> r.getString("subject"))
                    .containsExactly("หนังสือเลขที่ 1", "หนังสือเลขที่ 2", "หนังสือเลขที่ 3");
            assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainKeys("_id", "position")
                    .containsKeys("number", "date", "dateThai", "from", "to", "subject", "action", "remark"));
        }

        @Test
        void a_book_holds_only_its_own_type_and_year() {
            assertThat(queries.register(CLERK, AGENCY, RegisterBookType.CIRCULAR, YEAR_BE).orElseThrow())
                    .extracting(r -> r.getString("number")).containsExactly("สพร ๐๑/ว ๑");
            assertThat(queries.register(CLERK, AGENCY, RegisterBookType.SENT, YEAR_BE + 1).orElseThrow())
                    .extracting(r -> r.getString("letterId")).containsExactly("ln");
            assertThat(queries.register(CLERK, AGENCY, RegisterBookType.RECEIVED, YEAR_BE).orElseThrow()).isEmpty();
        }

        @Test
        void records_officers_approvers_and_signers_of_the_agency_may_read_it() {
            for (Actor a : List.of(RECORDS, APPROVER, SIGNER)) {
                assertThat(queries.register(a, AGENCY, RegisterBookType.SENT, YEAR_BE)).as(a.displayName())
                        .hasValueSatisfying(rows -> assertThat(rows).hasSize(3));
            }
        }

        @Test
        void an_officer_may_not_read_it() {
            assertThat(queries.register(OFFICER, AGENCY, RegisterBookType.SENT, YEAR_BE)).isEmpty();
        }

        @Test
        void another_agency_may_not_read_it_but_reads_its_own() {
            assertThat(queries.register(R_CLERK, AGENCY, RegisterBookType.SENT, YEAR_BE)).isEmpty();

            Optional<List<Document>> own = queries.register(R_CLERK, RECEIVER, RegisterBookType.RECEIVED, YEAR_BE);
            assertThat(own).hasValueSatisfying(rows -> assertThat(rows).singleElement()
                    .satisfies(r -> assertThat(r.getString("letterId")).isEqualTo("copy-1")));
        }
    }

    @Nested
    class ReadMarks {

        static final Instant FIRST = Instant.parse("2026-11-24T03:00:00Z");
        static final Instant LATER = Instant.parse("2026-11-25T03:00:00Z");
        /** Addressed to unit ๐๓ of นร ๐๕: R_OFFICER's unit. */
        static final String TO_UNIT = "c-unit";
        /** Addressed to นร ๐๕'s head: not visible to R_OFFICER. */
        static final String TO_HEAD = "c-head";

        @BeforeEach
        void letters() {
            Recipient toUnit03 = new Recipient(RECEIVER, "๐๓", null, "ผู้อำนวยการกองสาม", null);
            log.apply(delivered(TO_UNIT, "s1", external("ขอเชิญประชุม"), "สพร ๐๑/๑", List.of(toUnit03)));
            log.apply(delivered(TO_HEAD, "s2", external("ขอความอนุเคราะห์ข้อมูล"), "สพร ๐๑/๒", List.of(TO_RECEIVER)));
            log.apply(created("out", RECEIVER, RECEIVER_NAME, R_CLERK, external("ขอเชิญประชุมตอบกลับ")));
        }

        private Optional<Boolean> readInInbox(Actor actor, String id) {
            return queries.inbox(actor, all()).items().stream().filter(d -> id.equals(d.getString("id")))
                    .map(d -> d.getBoolean("read")).findFirst();
        }

        @Test
        void a_letter_is_unread_until_the_person_opens_it_and_stays_unread_for_everyone_else() {
            assertThat(queries.find(TO_UNIT, R_OFFICER).orElseThrow().getBoolean("read")).isFalse();
            assertThat(readInInbox(R_OFFICER, TO_UNIT)).contains(false);

            Document opened = queries.open(TO_UNIT, R_OFFICER, FIRST).orElseThrow();

            assertThat(opened.getBoolean("read")).isTrue();
            assertThat(queries.find(TO_UNIT, R_OFFICER).orElseThrow().getBoolean("read")).isTrue();
            assertThat(readInInbox(R_OFFICER, TO_UNIT)).contains(true);
            // the agency's clerk sees the same copy, and has not opened it
            assertThat(queries.find(TO_UNIT, R_CLERK).orElseThrow().getBoolean("read")).isFalse();
            assertThat(readInInbox(R_CLERK, TO_UNIT)).contains(false);
            assertThat(readInInbox(R_CLERK, TO_HEAD)).contains(false);
        }

        @Test
        void opening_a_letter_the_caller_may_not_see_finds_nothing_and_marks_nothing() {
            Actor stranger = actor("x-clerk", "นายต่างกรม", "เจ้าพนักงานธุรการ", "นร ๑๒", "๐๑", Role.CLERK);

            assertThat(queries.open(TO_HEAD, R_OFFICER, FIRST)).isEmpty();
            assertThat(queries.open(TO_UNIT, stranger, FIRST)).isEmpty();
            assertThat(queries.open("no-such-letter", R_CLERK, FIRST)).isEmpty();

            assertThat(store.reads().countDocuments()).isZero();
        }

        @Test
        void the_mark_is_one_document_per_person_and_letter_keeping_the_first_opening() {
            queries.open(TO_UNIT, R_OFFICER, FIRST);
            queries.open(TO_UNIT, R_OFFICER, LATER);
            queries.open(TO_UNIT, R_CLERK, LATER);

            Document mark = store.reads().find(com.mongodb.client.model.Filters.eq("_id",
                    R_OFFICER.personId() + "|" + TO_UNIT)).first();
            assertThat(mark).isNotNull();
            assertThat(mark.getString("personId")).isEqualTo(R_OFFICER.personId());
            assertThat(mark.getString("letterId")).isEqualTo(TO_UNIT);
            assertThat(mark.getString("at")).isEqualTo("2026-11-24T10:00:00+07:00");
            assertThat(store.reads().countDocuments()).isEqualTo(2);
        }

        @Test
        void unread_true_lists_only_the_letters_the_caller_has_not_opened_and_false_only_the_opened_ones() {
            queries.open(TO_HEAD, R_CLERK, FIRST);

            Page unread = queries.inbox(R_CLERK, new Filter(null, null, null, null, null, null, null, true, 0, 50));
            assertThat(ids(unread)).containsExactly(TO_UNIT);
            assertThat(unread.total()).isEqualTo(1);
            assertThat(unread.items()).allSatisfy(d -> assertThat(d.getBoolean("read")).isFalse());
            Page opened = queries.inbox(R_CLERK, new Filter(null, null, null, null, null, null, null, false, 0, 50));
            assertThat(ids(opened)).containsExactly(TO_HEAD);
            assertThat(opened.items()).allSatisfy(d -> assertThat(d.getBoolean("read")).isTrue());
            // another person's marks do not count for the caller
            assertThat(ids(queries.inbox(R_OFFICER, new Filter(null, null, null, null, null, null, null, true, 0, 50))))
                    .containsExactly(TO_UNIT);
        }

        @Test
        void the_outbox_carries_the_callers_mark_too() {
            assertThat(queries.outbox(R_CLERK, all()).items()).singleElement()
                    .satisfies(d -> assertThat(d.getBoolean("read")).isFalse());
            queries.open("out", R_CLERK, FIRST);
            assertThat(queries.outbox(R_CLERK, all()).items()).singleElement()
                    .satisfies(d -> assertThat(d.getBoolean("read")).isTrue());
        }

        @Test
        void a_rebuild_of_the_read_model_keeps_the_marks_and_the_projection_writes_none() {
            queries.open(TO_UNIT, R_OFFICER, FIRST);
            LetterProjection projection = new LetterProjection(store);
            EventLog replay = new EventLog(projection);

            projection.reset();
            log.appended().forEach(replay::feed);

            assertThat(store.letters().collection().find().into(new java.util.ArrayList<>()))
                    .allSatisfy(d -> assertThat(d).doesNotContainKey("read"));
            assertThat(queries.find(TO_UNIT, R_OFFICER).orElseThrow().getBoolean("read")).isTrue();
            assertThat(queries.find(TO_UNIT, R_CLERK).orElseThrow().getBoolean("read")).isFalse();
        }
    }

    @Nested
    class AwaitPosition {

        @Test
        void returns_true_once_the_view_has_reached_the_position() {
            log.apply(created("l1", external("เรื่องหนึ่ง")));

            assertThat(queries.awaitPosition("l1", 1, Duration.ofSeconds(5))).isTrue();
        }

        @Test
        void waits_for_a_position_projected_while_it_waits() throws Exception {
            log.apply(created("l1", external("เรื่องหนึ่ง")));
            CountDownLatch waiting = new CountDownLatch(1);

            CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                return queries.awaitPosition("l1", 2, Duration.ofSeconds(10));
            });
            assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
            log.apply(submitted("l1"));

            assertThat(reached.get(10, TimeUnit.SECONDS)).isTrue();
        }

        @Test
        void returns_false_when_the_position_is_not_reached_in_time() {
            log.apply(created("l1", external("เรื่องหนึ่ง")));
            long start = System.nanoTime();

            assertThat(queries.awaitPosition("l1", 2, Duration.ofMillis(150))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }

        @Test
        void waits_for_the_list_entry_too_so_that_an_inbox_fetched_on_a_notice_shows_the_change() throws Exception {
            LetterContent content = external("ขอเชิญประชุม");
            log.apply(created("one", content));
            log.apply(dispatched("one", content, 1, "copy-one"));
            long position = log.position();
            Document entry = store.list().find(com.mongodb.client.model.Filters.eq("_id", "one")).first();
            // the moment between the projection's two writes: the letter is at the position, its list entry behind
            store.list().replaceOne(com.mongodb.client.model.Filters.eq("_id", "one"),
                    new Document(entry).append("status", "DRAFT").append("position", 1L));
            assertThat(store.letters().position("one")).isEqualTo(position);

            assertThat(queries.awaitPosition("one", position, Duration.ofMillis(100))).isFalse();

            CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(
                    () -> queries.awaitPosition("one", position, Duration.ofSeconds(10)));
            store.list().replaceOne(com.mongodb.client.model.Filters.eq("_id", "one"), entry);
            assertThat(reached.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ids(queries.outbox(CLERK, filter("DISPATCHED", null, null, 0, 50)))).containsExactly("one");
        }

        @Test
        void returns_false_for_a_letter_that_never_appears() {
            assertThat(queries.awaitPosition("no-such-letter", 1, Duration.ofMillis(100))).isFalse();
        }
    }
}
