package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.query.letter.Letters.AGENCY;
import static org.saraban.query.letter.Letters.AGENCY_NAME;
import static org.saraban.query.letter.Letters.APPROVER;
import static org.saraban.query.letter.Letters.AT;
import static org.saraban.query.letter.Letters.AT_ISO;
import static org.saraban.query.letter.Letters.AT_THAI;
import static org.saraban.query.letter.Letters.AUTHOR;
import static org.saraban.query.letter.Letters.CLERK;
import static org.saraban.query.letter.Letters.DISPATCH_AT;
import static org.saraban.query.letter.Letters.DISPATCH_DATE_THAI;
import static org.saraban.query.letter.Letters.DISPATCH_ISO;
import static org.saraban.query.letter.Letters.OUTSIDE;
import static org.saraban.query.letter.Letters.RECEIVER;
import static org.saraban.query.letter.Letters.RECEIVE_AT;
import static org.saraban.query.letter.Letters.R_CLERK;
import static org.saraban.query.letter.Letters.R_DIRECTOR;
import static org.saraban.query.letter.Letters.R_OFFICER;
import static org.saraban.query.letter.Letters.SIGNER;
import static org.saraban.query.letter.Letters.TO_RECEIVER;
import static org.saraban.query.letter.Letters.UNIT;
import static org.saraban.query.letter.Letters.YEAR_BE;
import static org.saraban.query.letter.Letters.acknowledged;
import static org.saraban.query.letter.Letters.approved;
import static org.saraban.query.letter.Letters.content;
import static org.saraban.query.letter.Letters.created;
import static org.saraban.query.letter.Letters.delivered;
import static org.saraban.query.letter.Letters.deliveryRecorded;
import static org.saraban.query.letter.Letters.dispatched;
import static org.saraban.query.letter.Letters.external;
import static org.saraban.query.letter.Letters.filed;
import static org.saraban.query.letter.Letters.number;
import static org.saraban.query.letter.Letters.received;
import static org.saraban.query.letter.Letters.routedToPerson;
import static org.saraban.query.letter.Letters.routedToUnit;
import static org.saraban.query.letter.Letters.signed;
import static org.saraban.query.letter.Letters.submitted;
import static org.saraban.query.letter.Letters.voided;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.ImportedLetter;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterReturnedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.Urgency;
import org.saraban.query.support.EventLog;
import org.saraban.query.support.EmbeddedMongoServer;
import org.saraban.query.support.Replay;

/** The letter projection's handlers, called directly, writing to a real (embedded) MongoDB. */
class LetterProjectionTest {

    @RegisterExtension
    static final EmbeddedMongoServer MONGO = new EmbeddedMongoServer();

    private static final String LETTER = "letter-1";
    private static final String COPY = "copy-1";
    private static final String PAPER = "paper-1";
    private static final String SUBJECT = "ขอเชิญประชุมคณะกรรมการพัฒนารัฐบาลดิจิทัล";
    private static final LetterContent CONTENT = external(SUBJECT);

    private LetterStore store;
    private LetterProjection projection;
    private EventLog log;

    @BeforeEach
    void setUp() {
        store = new LetterStore(MONGO.newDatabase());
        projection = new LetterProjection(store);
        log = new EventLog(projection);
    }

    private Document letter(String id) {
        return store.letters().get(id);
    }

    private Document row(String agency, RegisterBookType book, long n) {
        return store.registerRows().get(LetterProjection.rowId(agency, book, YEAR_BE, n));
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Everything the projection wrote, both views, in a fixed order. */
    private Map<String, List<Document>> readModel() {
        return readModel(store);
    }

    private static Map<String, List<Document>> readModel(LetterStore s) {
        return Map.of("letters", all(s.letters().collection()), "register_rows", all(s.registerRows().collection()));
    }

    private void dispatchLetter() {
        log.apply(created(LETTER, CONTENT));
        log.apply(submitted(LETTER));
        log.apply(approved(LETTER));
        log.apply(signed(LETTER));
        log.apply(dispatched(LETTER, CONTENT, 25, COPY));
    }

    private void receiveCopy() {
        log.apply(delivered(COPY, LETTER, CONTENT, number(25), List.of(TO_RECEIVER)));
        log.apply(received(COPY, LETTER, 12));
    }

    @Nested
    class Outgoing {

        @Test
        void an_event_that_fills_a_gap_is_recorded_at_its_own_position_not_at_the_tokens_index() {
            // a gap-aware token that has already seen position 10 delivers the late events 7 and 8
            org.axonframework.eventhandling.GapAwareTrackingToken seen10 =
                    org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(10, List.of(7L, 8L));
            log.feed(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(seen10,
                    new org.axonframework.eventhandling.GenericDomainEventMessage<>("Letter", LETTER, 0,
                            created(LETTER, CONTENT), org.axonframework.messaging.MetaData.with("globalIndex", 7L))));
            log.feed(new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(seen10,
                    new org.axonframework.eventhandling.GenericDomainEventMessage<>("Letter", LETTER, 1,
                            submitted(LETTER), org.axonframework.messaging.MetaData.with("globalIndex", 8L))));

            Document d = letter(LETTER);
            assertThat(d.get("position", Number.class).longValue()).isEqualTo(8);
            assertThat(d.getString("status")).as("the second late event is not mistaken for a replay")
                    .isEqualTo("PENDING_APPROVAL");
        }

        @Test
        void a_created_draft_is_an_outgoing_view_in_status_draft_without_a_number() {
            log.apply(created(LETTER, CONTENT));

            Document d = letter(LETTER);
            assertThat(d.getString("id")).isEqualTo(LETTER);
            assertThat(d.getString("direction")).isEqualTo("OUTGOING");
            assertThat(d.getString("status")).isEqualTo("DRAFT");
            assertThat(d).containsEntry("number", null).containsEntry("date", null).containsEntry("dateThai", null);
            assertThat(d.getString("agencyCode")).isEqualTo(AGENCY);
            assertThat(d.getString("fromAgencyName")).isEqualTo(AGENCY_NAME);
            assertThat(d.getString("ownerUnitCode")).isEqualTo(UNIT);
            assertThat(d.getString("subject")).isEqualTo(SUBJECT);
            assertThat(d.getString("kindThai")).isEqualTo("หนังสือภายนอก");
            assertThat(d.getString("urgencyThai")).isEqualTo("ด่วน");
            assertThat(d.getString("secrecy")).isEqualTo("NONE");
            assertThat(d.getList("body", String.class)).containsExactly("ด้วยสำนักงานจะจัดประชุม",
                    "จึงเรียนมาเพื่อโปรดพิจารณา");
            assertThat(d.get("signatory", Document.class).getString("displayName")).isEqualTo("นายผู้ลงนาม");
            assertThat(d.get("author", Document.class).getString("id")).isEqualTo(AUTHOR.personId());
            assertThat(d.getString("createdAt")).isEqualTo(AT_ISO);
            assertThat(d.getString("createdAtThai")).isEqualTo(AT_THAI);
            assertThat(d.getList("participants", String.class)).containsExactly(AUTHOR.personId(), SIGNER.personId());
            assertThat(d.get("version", Number.class).longValue()).isZero();
            assertThat(d.get("position", Number.class).longValue()).isEqualTo(1);
            assertThat(store.registerRows().collection().countDocuments()).isZero();
        }

        @Test
        void the_history_records_who_acted_with_name_and_position_and_when_in_iso_and_thai() {
            log.apply(created(LETTER, CONTENT));

            List<Document> history = letter(LETTER).getList("history", Document.class);
            assertThat(history).hasSize(1);
            Document h = history.get(0);
            assertThat(h.getString("type")).isEqualTo("DraftLetterCreated");
            assertThat(h.getString("what")).isEqualTo("สร้างร่างหนังสือ");
            Document by = h.get("by", Document.class);
            assertThat(by.getString("id")).isEqualTo("p-author");
            assertThat(by.getString("displayName")).isEqualTo("นายผู้ร่าง");
            assertThat(by.getString("position")).isEqualTo("นักวิเคราะห์นโยบายและแผน");
            assertThat(by.getString("agencyCode")).isEqualTo(AGENCY);
            assertThat(h.getString("at")).isEqualTo("2026-11-21T09:30:00+07:00");
            assertThat(h.getString("atThai")).isEqualTo("๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๓๐ น.");
        }

        @Test
        void an_edit_replaces_the_content_and_is_added_to_the_history() {
            log.apply(created(LETTER, CONTENT));
            LetterContent edited = content("เรื่องที่แก้ไขแล้ว", Secrecy.NONE, false, List.of(TO_RECEIVER), List.of());
            log.apply(new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), edited, AT.plusSeconds(60)));

            Document d = letter(LETTER);
            assertThat(d.getString("subject")).isEqualTo("เรื่องที่แก้ไขแล้ว");
            assertThat(d.getList("copiesTo", Document.class)).isEmpty();
            assertThat(d.getString("status")).isEqualTo("DRAFT");
            assertThat(d.get("version", Number.class).longValue()).isEqualTo(1);
            assertThat(d.getList("history", Document.class)).extracting(h -> h.getString("type"))
                    .containsExactly("DraftLetterCreated", "DraftLetterEdited");
        }

        @Test
        void submission_approval_and_signing_each_move_the_status_and_are_recorded() {
            log.apply(created(LETTER, CONTENT));
            log.apply(submitted(LETTER));
            Document d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("PENDING_APPROVAL");
            assertThat(d.get("approver", Document.class).getString("id")).isEqualTo(APPROVER.personId());
            assertThat(d.getList("participants", String.class)).contains(APPROVER.personId());
            assertThat(d.getString("submittedAt")).isEqualTo("2026-11-21T09:40:00+07:00");

            log.apply(approved(LETTER));
            d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("APPROVED");
            assertThat(d.getString("approvedAtThai")).isEqualTo("๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๕๐ น.");
            assertThat(d.getString("approvedContentHash")).isEqualTo("a".repeat(64));

            log.apply(signed(LETTER));
            d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("SIGNED");
            List<Document> signatures = d.getList("signatures", Document.class);
            assertThat(signatures).hasSize(1);
            assertThat(signatures.get(0).get("signer", Document.class).getString("displayName"))
                    .isEqualTo("นายผู้ลงนาม");
            assertThat(signatures.get(0).getString("method")).isEqualTo("TYPED_NAME");
            assertThat(signatures.get(0).getString("assurance")).isEqualTo("PASSWORD");
            assertThat(d).containsEntry("number", null);
            assertThat(d.get("version", Number.class).longValue()).isEqualTo(3);

            List<Document> history = d.getList("history", Document.class);
            assertThat(history).extracting(h -> h.getString("type"))
                    .containsExactly("DraftLetterCreated", "LetterSubmitted", "LetterApproved", "LetterSigned");
            assertThat(history).extracting(h -> h.get("by", Document.class).getString("displayName"))
                    .containsExactly("นายผู้ร่าง", "นายผู้ร่าง", "นายผู้อนุมัติ", "นายผู้ลงนาม");
            assertThat(history.get(1).getString("what")).isEqualTo("เสนอ นายผู้อนุมัติ พิจารณา");
            assertThat(history.get(2).getString("detail")).isEqualTo("เห็นชอบ");
        }

        @Test
        void a_returned_draft_shows_the_reason() {
            log.apply(created(LETTER, CONTENT));
            log.apply(submitted(LETTER));
            log.apply(new LetterReturnedEvent(LETTER, APPROVER.ref(), "แก้ไขวันประชุม", AT.plusSeconds(900)));

            Document d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("RETURNED");
            assertThat(d.getString("returnReason")).isEqualTo("แก้ไขวันประชุม");
            assertThat(d.getList("history", Document.class).get(2).getString("detail")).isEqualTo("แก้ไขวันประชุม");
        }

        @Test
        void dispatch_issues_the_number_and_date_and_sends_each_electronic_copy() {
            dispatchLetter();

            Document d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("DISPATCHED");
            assertThat(d.getString("number")).isEqualTo("สพร ๐๑/๒๕");
            assertThat(d.getString("date")).isEqualTo(DISPATCH_ISO);
            assertThat(d.getString("dateThai")).isEqualTo(DISPATCH_DATE_THAI);
            assertThat(d.getString("book")).isEqualTo("sent");
            assertThat(d.get("yearBE", Number.class).intValue()).isEqualTo(YEAR_BE);
            assertThat(d.get("registerNumber", Number.class).longValue()).isEqualTo(25);
            assertThat(d.get("dispatchedBy", Document.class).getString("id")).isEqualTo(CLERK.personId());

            List<Document> deliveries = d.getList("deliveries", Document.class);
            assertThat(deliveries).hasSize(2);
            Document electronic = deliveries.get(0);
            assertThat(electronic.getString("agencyCode")).isEqualTo(RECEIVER);
            assertThat(electronic.getString("label")).isEqualTo("เลขาธิการคณะรัฐมนตรี");
            assertThat(electronic.getString("method")).isEqualTo("ELECTRONIC");
            assertThat(electronic.getString("copyId")).isEqualTo(COPY);
            assertThat(electronic.getString("status")).isEqualTo("SENT");
            assertThat(electronic.getBoolean("copyOnly")).isFalse();
            Document paper = deliveries.get(1);
            assertThat(paper.getString("label")).isEqualTo(OUTSIDE.name());
            assertThat(paper.getString("status")).isEqualTo("OUT_OF_BAND");
            assertThat(paper.getBoolean("copyOnly")).isTrue();
            assertThat(d.getBoolean("unacknowledged")).isTrue();

            Document h = d.getList("history", Document.class).get(4);
            assertThat(h.getString("what")).isEqualTo("ออกเลขที่ สพร ๐๑/๒๕ และส่งหนังสือ");
            assertThat(h.get("by", Document.class).getString("displayName")).isEqualTo("นางสาวสารบรรณ");
        }

        @Test
        void the_date_of_a_letter_is_its_date_in_bangkok() {
            log.apply(created(LETTER, CONTENT));
            // 31 December 2026 17.30 UTC is already 1 January 2570 in Bangkok
            Instant newYear = Instant.parse("2026-12-31T17:30:00Z");
            log.apply(dispatched(LETTER, AGENCY, AGENCY_NAME, CONTENT, RegisterBookType.SENT, 2570, 1, number(1), COPY,
                    newYear));

            Document d = letter(LETTER);
            assertThat(d.getString("date")).isEqualTo("2027-01-01T00:30:00+07:00");
            assertThat(d.getString("dateThai")).isEqualTo("๑ มกราคม ๒๕๗๐");
        }

        @Test
        void a_recorded_delivery_marks_that_copy_delivered() {
            dispatchLetter();
            log.apply(deliveryRecorded(LETTER, COPY));

            Document d = letter(LETTER);
            Document copy = d.getList("deliveries", Document.class).get(0);
            assertThat(copy.getString("status")).isEqualTo("DELIVERED");
            assertThat(copy.getString("deliveredAt")).isEqualTo("2026-11-23T10:15:01+07:00");
            assertThat(d.getList("deliveries", Document.class).get(1).getString("status")).isEqualTo("OUT_OF_BAND");
            assertThat(d.getBoolean("unacknowledged")).isTrue();
            assertThat(d.getString("status")).isEqualTo("DISPATCHED");
        }

        @Test
        void an_acknowledgement_records_the_receiving_number_and_the_letter_is_no_longer_unacknowledged() {
            dispatchLetter();
            log.apply(deliveryRecorded(LETTER, COPY));
            log.apply(acknowledged(LETTER, COPY, "๑๒"));

            Document d = letter(LETTER);
            Document copy = d.getList("deliveries", Document.class).get(0);
            assertThat(copy.getString("status")).isEqualTo("ACKNOWLEDGED");
            assertThat(copy.getString("receivingNumber")).isEqualTo("๑๒");
            assertThat(copy.get("receivedBy", Document.class).getString("id")).isEqualTo(R_CLERK.personId());
            assertThat(copy.getString("acknowledgedAt")).isEqualTo("2026-11-24T09:05:00+07:00");
            assertThat(d.getBoolean("unacknowledged")).isFalse();
            assertThat(d.getList("history", Document.class)).last()
                    .satisfies(h -> assertThat(h.getString("what")).isEqualTo("นร ๐๕ ลงรับแล้ว เลขรับ ๑๒"));
        }

        @Test
        void a_letter_stays_unacknowledged_until_every_electronic_copy_is_acknowledged() {
            Recipient second = new Recipient("นร ๑๒", null, null, "เลขาธิการ ก.พ.ร.", null);
            LetterContent two = content(SUBJECT, Secrecy.NONE, false, List.of(TO_RECEIVER, second), List.of());
            log.apply(created(LETTER, two));
            log.apply(dispatched(LETTER, two, 25, COPY));
            log.apply(deliveryRecorded(LETTER, COPY));
            log.apply(deliveryRecorded(LETTER, COPY + "-1"));
            log.apply(acknowledged(LETTER, COPY, "๑๒"));

            Document d = letter(LETTER);
            assertThat(d.getList("deliveries", Document.class)).extracting(x -> x.getString("status"))
                    .containsExactly("ACKNOWLEDGED", "DELIVERED");
            assertThat(d.getBoolean("unacknowledged")).isTrue();

            log.apply(acknowledged(LETTER, COPY + "-1", "๓"));
            assertThat(letter(LETTER).getBoolean("unacknowledged")).isFalse();
        }

        @Test
        void a_dispatched_letter_gets_a_row_in_the_sent_register_with_the_regulations_columns() {
            dispatchLetter();

            Document r = store.registerRows().get("สพร|sent|2569|25");
            assertThat(r).isNotNull();
            assertThat(r.getString("agencyCode")).isEqualTo(AGENCY);
            assertThat(r.getString("book")).isEqualTo("sent");
            assertThat(r.get("yearBE", Number.class).intValue()).isEqualTo(YEAR_BE);
            assertThat(r.get("registerNumber", Number.class).longValue()).isEqualTo(25);
            assertThat(r.getString("registerNumberThai")).isEqualTo("๒๕");
            assertThat(r.getString("letterId")).isEqualTo(LETTER);
            assertThat(r.getString("number")).isEqualTo("สพร ๐๑/๒๕");
            assertThat(r.getString("date")).isEqualTo(DISPATCH_ISO);
            assertThat(r.getString("dateThai")).isEqualTo(DISPATCH_DATE_THAI);
            assertThat(r.getString("registeredAtThai")).isEqualTo("๒๓ พฤศจิกายน ๒๕๖๙ เวลา ๑๐.๑๕ น.");
            assertThat(r.getString("from")).isEqualTo(AGENCY_NAME);
            assertThat(r.getString("to")).isEqualTo("เลขาธิการคณะรัฐมนตรี");
            assertThat(r.getString("subject")).isEqualTo(SUBJECT);
            assertThat(r.getString("action")).isEqualTo("ส่งทางระบบและนอกระบบ");
            assertThat(r).containsEntry("remark", null);
            assertThat(r.getBoolean("voided")).isFalse();
            assertThat(store.registerRows().collection().countDocuments()).isEqualTo(1);
        }

        @Test
        void a_circular_sent_only_through_the_system_is_registered_as_such() {
            LetterContent circular = content("แจ้งเวียนแนวปฏิบัติ", Secrecy.NONE, true,
                    List.of(TO_RECEIVER, new Recipient("นร ๑๒", null, null, "เลขาธิการ ก.พ.ร.", null)), List.of());
            log.apply(created(LETTER, circular));
            log.apply(dispatched(LETTER, AGENCY, AGENCY_NAME, circular, RegisterBookType.CIRCULAR, YEAR_BE, 3,
                    "สพร ๐๑/ว ๓", COPY, DISPATCH_AT));

            Document r = row(AGENCY, RegisterBookType.CIRCULAR, 3);
            assertThat(r.getString("book")).isEqualTo("circular");
            assertThat(r.getString("to")).isEqualTo("เลขาธิการคณะรัฐมนตรี, เลขาธิการ ก.พ.ร.");
            assertThat(r.getString("action")).isEqualTo("ส่งทางระบบสารบรรณอิเล็กทรอนิกส์");
            assertThat(r.getString("remark")).isEqualTo("หนังสือเวียน");
        }

        @Test
        void a_letter_sent_only_on_paper_is_registered_as_sent_outside_the_system() {
            LetterContent paper = content(SUBJECT, Secrecy.NONE, false, List.of(OUTSIDE), List.of());
            log.apply(created(LETTER, paper));
            log.apply(dispatched(LETTER, paper, 25, COPY));

            assertThat(row(AGENCY, RegisterBookType.SENT, 25).getString("action")).isEqualTo("ส่งนอกระบบ");
            assertThat(letter(LETTER).getBoolean("unacknowledged")).isFalse();
        }

        @Test
        void a_secret_letters_register_row_does_not_show_its_subject() {
            LetterContent secret = content("แผนการตรวจสอบที่ห้ามเปิดเผย", Secrecy.SECRET, false, List.of(TO_RECEIVER),
                    List.of());
            log.apply(created(LETTER, secret));
            log.apply(dispatched(LETTER, secret, 25, COPY));

            Document r = row(AGENCY, RegisterBookType.SENT, 25);
            assertThat(r.getString("subject")).doesNotContain("แผนการตรวจสอบ").isEqualTo("(หนังสือชั้นความลับ: ลับ)");
            assertThat(r.toJson()).doesNotContain("แผนการตรวจสอบที่ห้ามเปิดเผย");
            // the letter itself keeps it, for the people allowed to read it
            assertThat(letter(LETTER).getString("subject")).isEqualTo("แผนการตรวจสอบที่ห้ามเปิดเผย");
        }

        @Test
        void a_letter_whose_kind_has_no_register_gets_no_row() {
            LetterContent memo = new LetterContent(LetterKind.MEMO, false, null, null, null, "บันทึกช่วยจำ", null,
                    List.of(new Recipient(AGENCY, "๐๒", null, "ผู้อำนวยการกอง", null)), List.of(), List.of(),
                    List.of("ขอบันทึกไว้ว่า"), null, SIGNER.ref(), null, List.of(), null);
            log.apply(created(LETTER, memo));
            log.apply(dispatched(LETTER, AGENCY, AGENCY_NAME, memo, null, YEAR_BE, 0, null, COPY, DISPATCH_AT));

            Document d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("DISPATCHED");
            assertThat(d).containsEntry("number", null);
            assertThat(d.getList("history", Document.class)).last()
                    .satisfies(h -> assertThat(h.getString("what")).isEqualTo("ส่งหนังสือ"));
            assertThat(store.registerRows().collection().countDocuments()).isZero();
        }

        @Test
        void a_voided_number_stays_in_the_register_marked_voided_with_the_reason() {
            dispatchLetter();
            log.apply(new LetterCancelledEvent(LETTER, CLERK.ref(), "ส่งผิดหน่วยงาน", DISPATCH_AT.plusSeconds(60)));
            log.apply(voided(25, LETTER, "ส่งผิดหน่วยงาน"));

            Document r = row(AGENCY, RegisterBookType.SENT, 25);
            assertThat(r.getBoolean("voided")).isTrue();
            assertThat(r.getString("remark")).isEqualTo("ยกเลิกเลข: ส่งผิดหน่วยงาน");
            assertThat(r.getString("number")).isEqualTo("สพร ๐๑/๒๕");
            assertThat(r.getString("subject")).isEqualTo(SUBJECT);
            Document d = letter(LETTER);
            assertThat(d.getString("status")).isEqualTo("CANCELLED");
            assertThat(d.getString("cancelReason")).isEqualTo("ส่งผิดหน่วยงาน");
            assertThat(d.getString("number")).isEqualTo("สพร ๐๑/๒๕");
        }

        @Test
        void voiding_a_number_that_has_no_row_creates_nothing() {
            log.apply(voided(7, "letter-unknown", "ออกเลขผิด"));

            assertThat(store.registerRows().collection().countDocuments()).isZero();
        }
    }

    @Nested
    class Incoming {

        @Test
        void a_delivered_copy_is_an_incoming_view_in_the_recipient_agency() {
            Recipient toUnit = new Recipient(RECEIVER, "๐๓", R_OFFICER.personId(), "ผู้อำนวยการกอง", null);
            log.apply(delivered(COPY, LETTER, CONTENT, number(25), List.of(toUnit)));

            Document d = letter(COPY);
            assertThat(d.getString("id")).isEqualTo(COPY);
            assertThat(d.getString("direction")).isEqualTo("INCOMING");
            assertThat(d.getString("agencyCode")).isEqualTo(RECEIVER);
            assertThat(d.getString("fromAgencyCode")).isEqualTo(AGENCY);
            assertThat(d.getString("fromAgencyName")).isEqualTo(AGENCY_NAME);
            assertThat(d.getString("sourceLetterId")).isEqualTo(LETTER);
            assertThat(d.getString("status")).isEqualTo("DELIVERED");
            assertThat(d.getString("number")).isEqualTo("สพร ๐๑/๒๕");
            assertThat(d.getString("date")).isEqualTo(DISPATCH_ISO);
            assertThat(d.getString("dateThai")).isEqualTo(DISPATCH_DATE_THAI);
            assertThat(d.getString("subject")).isEqualTo(SUBJECT);
            assertThat(d).as("read marks are per person, outside the projection").doesNotContainKey("read");
            assertThat(d.getBoolean("copyOnly")).isFalse();
            assertThat(d.getList("addresseeUnits", String.class)).containsExactly("๐๓");
            assertThat(d.getList("participants", String.class)).contains(R_OFFICER.personId());
            assertThat(d.getList("signatures", Document.class)).singleElement()
                    .satisfies(s -> assertThat(s.get("signer", Document.class).getString("id")).isEqualTo("p-signer"));
            assertThat(d.getList("history", Document.class)).singleElement()
                    .satisfies(h -> assertThat(h.getString("what")).isEqualTo("รับหนังสือเข้าระบบจาก สพร"));
            assertThat(store.registerRows().collection().countDocuments()).isZero();
        }

        @Test
        void receiving_a_copy_stamps_the_receiving_number_and_adds_a_row_to_the_received_register() {
            receiveCopy();

            Document d = letter(COPY);
            assertThat(d.getString("status")).isEqualTo("RECEIVED");
            assertThat(d.getString("receivingNumber")).isEqualTo("๑๒");
            assertThat(d.getString("receivedAt")).isEqualTo("2026-11-24T09:05:00+07:00");
            assertThat(d.get("receivedBy", Document.class).getString("displayName")).isEqualTo("นางสาวรับหนังสือ");
            Document stamp = d.get("receiptStamp", Document.class);
            assertThat(stamp.getString("agencyCode")).isEqualTo(RECEIVER);
            assertThat(stamp.getString("receivingNumber")).isEqualTo("๑๒");
            assertThat(stamp.getString("date")).isEqualTo("๒๔ พฤศจิกายน ๒๕๖๙");
            assertThat(stamp.getString("time")).isEqualTo("๐๙.๐๕ น.");

            Document r = store.registerRows().get("นร ๐๕|received|2569|12");
            assertThat(r).isNotNull();
            assertThat(r.getString("book")).isEqualTo("received");
            assertThat(r.getString("agencyCode")).isEqualTo(RECEIVER);
            assertThat(r.get("registerNumber", Number.class).longValue()).isEqualTo(12);
            assertThat(r.getString("receivingNumber")).isEqualTo("๑๒");
            assertThat(r.getString("letterId")).isEqualTo(COPY);
            assertThat(r.getString("number")).isEqualTo("สพร ๐๑/๒๕");
            assertThat(r.getString("dateThai")).isEqualTo(DISPATCH_DATE_THAI);
            assertThat(r.getString("registeredAt")).isEqualTo("2026-11-24T09:05:00+07:00");
            assertThat(r.getString("from")).isEqualTo(AGENCY_NAME);
            assertThat(r.getString("to")).isEqualTo("เลขาธิการคณะรัฐมนตรี");
            assertThat(r.getString("subject")).isEqualTo(SUBJECT);
            assertThat(r).containsEntry("action", null);
            assertThat(r.getBoolean("voided")).isFalse();
        }

        @Test
        void a_secret_copy_is_registered_without_its_subject() {
            LetterContent secret = content("รายงานข่าวกรอง", Secrecy.VERY_SECRET, false, List.of(TO_RECEIVER),
                    List.of());
            log.apply(delivered(COPY, LETTER, secret, number(25), List.of(TO_RECEIVER)));
            log.apply(received(COPY, LETTER, 12));

            Document r = row(RECEIVER, RegisterBookType.RECEIVED, 12);
            assertThat(r.getString("subject")).doesNotContain("รายงานข่าวกรอง")
                    .isEqualTo("(หนังสือชั้นความลับ: ลับมาก)");
        }

        @Test
        void routing_adds_a_route_and_writes_the_action_into_the_received_register() {
            receiveCopy();
            log.apply(routedToUnit(COPY, "route-1", "๐๓", "กองวิชาการ"));

            Document d = letter(COPY);
            List<Document> routes = d.getList("routes", Document.class);
            assertThat(routes).hasSize(1);
            Document route = routes.get(0);
            assertThat(route.getString("routeId")).isEqualTo("route-1");
            assertThat(route.getString("state")).isEqualTo("OPEN");
            assertThat(route.getString("toUnitCode")).isEqualTo("๐๓");
            assertThat(route.getString("instruction")).isEqualTo("ดำเนินการ");
            assertThat(route.getString("dueDate")).isEqualTo("2026-11-30");
            assertThat(route.getString("dueDateThai")).isEqualTo("๓๐ พฤศจิกายน ๒๕๖๙");
            assertThat(route.get("by", Document.class).getString("id")).isEqualTo(R_DIRECTOR.personId());
            assertThat(d.getList("routeUnits", String.class)).containsExactly("๐๓");
            assertThat(d.getList("participants", String.class)).contains(R_DIRECTOR.personId());
            assertThat(d.getList("history", Document.class)).last()
                    .satisfies(h -> assertThat(h.getString("what")).isEqualTo("เกษียนถึง กองวิชาการ: ดำเนินการ"));
            assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12).getString("action"))
                    .isEqualTo("เสนอ/มอบ กองวิชาการ");

            log.apply(routedToPerson(COPY, "route-2", R_OFFICER.ref()));
            d = letter(COPY);
            assertThat(d.getList("routes", Document.class)).extracting(r -> r.getString("routeId"))
                    .containsExactly("route-1", "route-2");
            assertThat(d.getList("participants", String.class)).contains(R_OFFICER.personId());
            assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12).getString("action"))
                    .isEqualTo("เสนอ/มอบ นางนักวิชาการ");
        }

        @Test
        void a_route_is_acknowledged_and_then_completed() {
            receiveCopy();
            log.apply(routedToPerson(COPY, "route-1", R_OFFICER.ref()));
            log.apply(new RouteAcknowledgedEvent(COPY, "route-1", R_OFFICER.ref(), RECEIVE_AT.plusSeconds(7200)));

            Document route = letter(COPY).getList("routes", Document.class).get(0);
            assertThat(route.getString("state")).isEqualTo("ACKNOWLEDGED");
            assertThat(route.get("acknowledgedBy", Document.class).getString("id")).isEqualTo(R_OFFICER.personId());
            assertThat(route.getString("acknowledgedAt")).isEqualTo("2026-11-24T11:05:00+07:00");

            log.apply(new RouteCompletedEvent(COPY, "route-1", R_OFFICER.ref(), "จัดทำข้อมูลเสนอแล้ว",
                    RECEIVE_AT.plusSeconds(86_400)));
            Document d = letter(COPY);
            route = d.getList("routes", Document.class).get(0);
            assertThat(route.getString("state")).isEqualTo("COMPLETED");
            assertThat(route.getString("note")).isEqualTo("จัดทำข้อมูลเสนอแล้ว");
            assertThat(route.getString("completedAtThai")).isEqualTo("๒๕ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๐๕ น.");
            assertThat(d.getList("history", Document.class)).extracting(h -> h.getString("type"))
                    .containsExactly("LetterDelivered", "LetterReceived", "LetterRouted", "RouteAcknowledged",
                            "RouteCompleted");
        }

        @Test
        void filing_records_the_retention_and_the_stamp_with_the_year_to_keep_until() {
            receiveCopy();
            log.apply(filed(COPY, R_CLERK, 2579));

            Document d = letter(COPY);
            assertThat(d.getString("status")).isEqualTo("FILED");
            Document filing = d.get("filing", Document.class);
            assertThat(filing.getString("fileCode")).isEqualTo("๒.๓/๒๕๖๙");
            assertThat(filing.get("keepUntilYearBE", Number.class).intValue()).isEqualTo(2579);
            assertThat(filing.get("retentionYears", Number.class).intValue()).isEqualTo(10);
            assertThat(filing.getBoolean("permanent")).isFalse();
            assertThat(filing.getString("stamp")).isEqualTo("เก็บถึง พ.ศ. ๒๕๗๙");
            assertThat(filing.get("by", Document.class).getString("id")).isEqualTo(R_CLERK.personId());
            assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12).getString("remark"))
                    .isEqualTo("เก็บ ๒.๓/๒๕๖๙ (เก็บถึง พ.ศ. ๒๕๗๙)");
        }

        @Test
        void filing_a_sent_letter_notes_the_file_after_the_remark_already_in_the_sent_register() {
            LetterContent circular = content("แจ้งเวียนแนวปฏิบัติ", Secrecy.NONE, true, List.of(TO_RECEIVER), List.of());
            log.apply(created(LETTER, circular));
            log.apply(dispatched(LETTER, AGENCY, AGENCY_NAME, circular, RegisterBookType.CIRCULAR, YEAR_BE, 3,
                    "สพร ๐๑/ว ๓", COPY, DISPATCH_AT));
            log.apply(new LetterFiledEvent(LETTER, CLERK.ref(), "๑.๑", null, true, null, RECEIVE_AT));

            assertThat(row(AGENCY, RegisterBookType.CIRCULAR, 3).getString("remark"))
                    .isEqualTo("หนังสือเวียน; เก็บ ๑.๑ (ห้ามทำลาย)");
        }

        @Test
        void a_letter_filed_for_good_is_stamped_never_to_be_destroyed() {
            receiveCopy();
            log.apply(new LetterFiledEvent(COPY, R_CLERK.ref(), "๑.๑", null, true, null, RECEIVE_AT));

            assertThat(letter(COPY).get("filing", Document.class).getString("stamp")).isEqualTo("ห้ามทำลาย");
        }

        @Test
        void an_imported_paper_letter_is_an_incoming_view_with_the_hash_of_its_scan() {
            String sha = "0f".repeat(32);
            ImportedLetter paper = new ImportedLetter(LetterKind.EXTERNAL, "กค ๐๔๐๒/๗๗", LocalDate.of(2026, 11, 20),
                    "กรมบัญชีกลาง", "ขอส่งแนวทางการเบิกจ่าย", "เรียน",
                    List.of(new Recipient(RECEIVER, "๐๓", null, "เลขาธิการคณะรัฐมนตรี", null)), List.of(),
                    List.of("แนวทาง"), "นายบัญชี ตัวอย่าง", "อธิบดีกรมบัญชีกลาง", null, Urgency.VERY_URGENT, null,
                    "ไปรษณีย์", null);
            log.apply(new PaperLetterImportedEvent(COPY, RECEIVER, R_CLERK.ref(), paper, sha, RECEIVE_AT));

            Document d = letter(COPY);
            assertThat(d.getString("direction")).isEqualTo("INCOMING");
            assertThat(d.getString("agencyCode")).isEqualTo(RECEIVER);
            assertThat(d.getString("status")).isEqualTo("DELIVERED");
            assertThat(d.getString("scanSha256")).isEqualTo(sha);
            assertThat(d.getString("channel")).isEqualTo("ไปรษณีย์");
            assertThat(d.getString("fromAgencyName")).isEqualTo("กรมบัญชีกลาง");
            assertThat(d).containsEntry("fromAgencyCode", null);
            assertThat(d.getString("number")).isEqualTo("กค ๐๔๐๒/๗๗");
            assertThat(d.getString("date")).isEqualTo("2026-11-20");
            assertThat(d.getString("dateThai")).isEqualTo("๒๐ พฤศจิกายน ๒๕๖๙");
            assertThat(d.getString("urgency")).isEqualTo("VERY_URGENT");
            assertThat(d.getString("secrecy")).isEqualTo("NONE");
            assertThat(d.get("signatory", Document.class).getString("position")).isEqualTo("อธิบดีกรมบัญชีกลาง");
            assertThat(d.getList("enclosures", Document.class)).extracting(x -> x.getString("title"))
                    .containsExactly("แนวทาง");
            assertThat(d.getList("addresseeUnits", String.class)).containsExactly("๐๓");
            assertThat(d.get("importedBy", Document.class).getString("id")).isEqualTo(R_CLERK.personId());
            assertThat(d.getList("participants", String.class)).containsExactly(R_CLERK.personId());

            log.apply(received(COPY, null, 13));
            Document r = row(RECEIVER, RegisterBookType.RECEIVED, 13);
            assertThat(r.getString("from")).isEqualTo("กรมบัญชีกลาง");
            assertThat(r.getString("number")).isEqualTo("กค ๐๔๐๒/๗๗");
            assertThat(r.getString("subject")).isEqualTo("ขอส่งแนวทางการเบิกจ่าย");
            assertThat(r.getString("remark")).isEqualTo("ไปรษณีย์");
        }

        @Test
        void the_sender_and_the_recipient_each_see_the_letter_in_their_own_register() {
            dispatchLetter();
            receiveCopy();

            assertThat(row(AGENCY, RegisterBookType.SENT, 25).getString("letterId")).isEqualTo(LETTER);
            assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12).getString("letterId")).isEqualTo(COPY);
            assertThat(letter(LETTER).getString("agencyCode")).isEqualTo(AGENCY);
            assertThat(letter(COPY).getString("agencyCode")).isEqualTo(RECEIVER);
        }
    }

    @Nested
    class Idempotency {

        /** Every kind of event the projection handles, across two agencies. */
        private void wholeLife() {
            log.apply(created(LETTER, CONTENT));
            log.apply(new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), CONTENT, AT.plusSeconds(60)));
            log.apply(submitted(LETTER));
            log.apply(new LetterReturnedEvent(LETTER, APPROVER.ref(), "แก้ไขวันประชุม", AT.plusSeconds(900)));
            log.apply(submitted(LETTER));
            log.apply(approved(LETTER));
            log.apply(signed(LETTER));
            log.apply(dispatched(LETTER, CONTENT, 25, COPY));
            log.apply(delivered(COPY, LETTER, CONTENT, number(25), List.of(TO_RECEIVER)));
            log.apply(deliveryRecorded(LETTER, COPY));
            log.apply(received(COPY, LETTER, 12));
            log.apply(acknowledged(LETTER, COPY, "๑๒"));
            log.apply(routedToUnit(COPY, "route-1", "๐๓", "กองวิชาการ"));
            log.apply(new RouteAcknowledgedEvent(COPY, "route-1", R_OFFICER.ref(), RECEIVE_AT.plusSeconds(7200)));
            log.apply(new RouteCompletedEvent(COPY, "route-1", R_OFFICER.ref(), "เสร็จ", RECEIVE_AT.plusSeconds(9000)));
            log.apply(filed(COPY, R_CLERK, 2579));
            log.apply(new LetterCancelledEvent(LETTER, CLERK.ref(), "ส่งซ้ำ", RECEIVE_AT.plusSeconds(9999)));
            log.apply(voided(25, LETTER, "ส่งซ้ำ"));
            ImportedLetter paper = new ImportedLetter(LetterKind.EXTERNAL, "กค ๐๔๐๒/๗๗", LocalDate.of(2026, 11, 20),
                    "กรมบัญชีกลาง", "ขอส่งแนวทางการเบิกจ่าย", "เรียน", List.of(TO_RECEIVER), null, null, "นายบัญชี",
                    "อธิบดีกรมบัญชีกลาง", null, null, null, "ไปรษณีย์", null);
            log.apply(new PaperLetterImportedEvent(PAPER, RECEIVER, R_CLERK.ref(), paper, "ab".repeat(32), RECEIVE_AT));
            log.apply(received(PAPER, null, 13));
        }

        @Test
        void every_event_delivered_a_second_time_changes_nothing() {
            wholeLife();
            Map<String, List<Document>> expected = readModel();

            // a second read model, built by delivering each event twice in a row
            LetterStore other = new LetterStore(MONGO.newDatabase());
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(new LetterProjection(other));
            for (TrackedEventMessage<?> e : log.appended()) {
                handle(adapter, e);
                Map<String, List<Document>> once = readModel(other);
                handle(adapter, e);
                assertThat(readModel(other)).as("second delivery of %s", e.getPayloadType().getSimpleName())
                        .isEqualTo(once);
            }
            assertThat(readModel(other)).isEqualTo(expected);
        }

        @Test
        void older_events_after_newer_ones_change_nothing() {
            wholeLife();
            Map<String, List<Document>> before = readModel();

            List<TrackedEventMessage<?>> events = new ArrayList<>(log.appended());
            Collections.reverse(events);
            events.forEach(log::feed);

            assertThat(readModel()).isEqualTo(before);
        }

        @Test
        void an_older_status_event_does_not_move_the_status_back() {
            log.apply(created(LETTER, CONTENT));
            TrackedEventMessage<?> submittedAt2 = log.apply(submitted(LETTER));
            log.apply(approved(LETTER));
            Document approvedView = letter(LETTER);

            log.feed(submittedAt2);

            assertThat(letter(LETTER)).isEqualTo(approvedView);
            assertThat(letter(LETTER).getString("status")).isEqualTo("APPROVED");
        }

        @Test
        void a_late_copy_of_the_receipt_does_not_overwrite_the_routed_register_row() {
            receiveCopy();
            TrackedEventMessage<?> receipt = log.appended().get(1);
            log.apply(routedToUnit(COPY, "route-1", "๐๓", "กองวิชาการ"));
            Document routedRow = row(RECEIVER, RegisterBookType.RECEIVED, 12);

            log.feed(receipt);

            assertThat(row(RECEIVER, RegisterBookType.RECEIVED, 12)).isEqualTo(routedRow);
            assertThat(routedRow.getString("action")).isEqualTo("เสนอ/มอบ กองวิชาการ");
        }

        @Test
        void replaying_the_whole_history_over_the_read_model_changes_nothing() {
            wholeLife();
            Map<String, List<Document>> before = readModel();

            long fed = Replay.into(projection, log.appended().stream());

            assertThat(fed).isEqualTo(log.appended().size());
            assertThat(readModel()).isEqualTo(before);
        }

        @Test
        void a_rebuild_into_an_empty_store_equals_the_live_read_model() {
            wholeLife();
            LetterStore rebuilt = new LetterStore(MONGO.newDatabase());

            Replay.into(new LetterProjection(rebuilt), log.appended().stream());

            assertThat(readModel(rebuilt)).isEqualTo(readModel());
            assertThat(readModel(rebuilt).get("letters")).hasSize(3);
            assertThat(readModel(rebuilt).get("register_rows")).hasSize(3);
        }

        @Test
        void a_reset_drops_both_views_so_a_replay_starts_from_nothing() {
            wholeLife();
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

            adapter.prepareReset();

            assertThat(store.letters().collection().countDocuments()).isZero();
            assertThat(store.registerRows().collection().countDocuments()).isZero();
        }

        private void handle(AnnotationEventHandlerAdapter adapter, TrackedEventMessage<?> e) {
            try {
                adapter.handle(e);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
