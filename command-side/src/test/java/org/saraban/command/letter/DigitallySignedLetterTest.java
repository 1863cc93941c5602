package org.saraban.command.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.saraban.api.common.SarabanException.Kind.CONFLICT;
import static org.saraban.api.common.SarabanException.Kind.UNAVAILABLE;
import static org.saraban.command.Refusals.refused;
import static org.saraban.command.letter.Samples.AGENCY;
import static org.saraban.command.letter.Samples.AGENCY_NAME;
import static org.saraban.command.letter.Samples.APPROVER;
import static org.saraban.command.letter.Samples.AT;
import static org.saraban.command.letter.Samples.AUTHOR;
import static org.saraban.command.letter.Samples.CLERK;
import static org.saraban.command.letter.Samples.LATER;
import static org.saraban.command.letter.Samples.OTHER_AGENCY;
import static org.saraban.command.letter.Samples.OUTSIDE_SYSTEM;
import static org.saraban.command.letter.Samples.RECEIVING_CLERK;
import static org.saraban.command.letter.Samples.RECORDS_OFFICER;
import static org.saraban.command.letter.Samples.SIGNER;
import static org.saraban.command.letter.Samples.TO_OTHER_AGENCY;
import static org.saraban.command.letter.Samples.created;
import static org.saraban.command.letter.Samples.external;
import static org.saraban.command.letter.Samples.memo;
import static org.saraban.command.letter.Samples.submitted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.PersonRef;
import org.saraban.api.letter.ApproveLetterCommand;
import org.saraban.api.letter.CancelLetterCommand;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.DispatchLetterCommand;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.EditDraftLetterCommand;
import org.saraban.api.letter.FileLetterCommand;
import org.saraban.api.letter.LetterApprovalInvalidatedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterDispatchedEvent.Dispatch;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterNumberedEvent;
import org.saraban.api.letter.LetterPdfRecordedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterVerifiedEvent;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.letter.ReceiveLetterCommand;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.SignLetterCommand;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.api.register.RegisterBookId;
import org.saraban.command.register.RegisterBook;

/**
 * The lifecycle of a kind the agency signs digitally (ADR 0006): numbered, rendered and visa'd at approval,
 * signed on the PDF of record, dispatched with it, verified and stamped on receipt, preserved at filing; any
 * change after approval voids the number. The PDF work itself is the signing module's (tested there and
 * end to end in the web layer); here a recording stand-in shows which revision each step works on.
 */
class DigitallySignedLetterTest {

    private static final String LETTER = "letter-1";
    private static final String COPY = CopyIds.copyId(LETTER, OTHER_AGENCY);
    private static final Set<LetterKind> EXTERNAL_SIGNED = Set.of(LetterKind.EXTERNAL);
    private static final RegisterBookId SENT_2569 = new RegisterBookId(AGENCY, RegisterBookType.SENT, 2569);
    private static final Instant APPROVED_AT = AT;
    private static final DocumentVerification VALID = new DocumentVerification(true, "B_T",
            "ลายมือชื่อทั้ง ๒ รายการถูกต้อง", List.of());

    private EmbeddedEventStore bookStore;
    private EventSourcingRepository<RegisterBook> books;
    private RecordingDocuments documents;
    private FixtureConfiguration<Letter> fixture;

    /** Returns a name per step, so that each event shows which revision it was made from. */
    static final class RecordingDocuments implements LetterDocuments {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public String render(LetterOfRecord letter) {
            calls.add("render " + letter.number() + " dated " + letter.letterDate());
            return "pdf-rendered";
        }

        @Override
        public String sign(String pdfSha256, LetterOfRecord letter, PersonRef signer, PdfStep step, Instant at) {
            if (failure != null) {
                throw failure;
            }
            calls.add(step + " by " + signer.id() + " on " + pdfSha256 + " of " + letter.number() + " dated "
                    + letter.letterDate());
            return "pdf-" + step.name().toLowerCase();
        }

        @Override
        public DocumentVerification verify(String pdfSha256) {
            calls.add("verify " + pdfSha256);
            return VALID;
        }

        @Override
        public String stampReceipt(String pdfSha256, Receipt receipt) {
            calls.add("stamp " + pdfSha256 + " with " + receipt.agencyCode() + " " + receipt.receivingNumber());
            return "pdf-stamped";
        }

        @Override
        public String preserve(String pdfSha256) {
            calls.add("preserve " + pdfSha256);
            return "pdf-preserved";
        }
    }

    @BeforeEach
    void setUp() {
        bookStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        books = EventSourcingRepository.builder(RegisterBook.class).eventStore(bookStore).build();
        documents = new RecordingDocuments();
        AggregateTestFixture<Letter> f = new AggregateTestFixture<>(Letter.class);
        f.registerAnnotatedCommandHandler(new LetterDispatcher(f.getRepository(), books, documents));
        fixture = f;
    }

    @AfterEach
    void tearDown() {
        bookStore.shutDown();
    }

    private List<Object> bookEvents(RegisterBookId book) {
        return bookStore.readEvents(book.value()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private static LetterNumberedEvent numbered() {
        return new LetterNumberedEvent(LETTER, AGENCY, AGENCY_NAME, APPROVER.ref(), RegisterBookType.SENT, 2569, 1L,
                "สพร ๐๑/๑", external(), APPROVED_AT);
    }

    private static List<Object> approvedDigitally() {
        return List.of(created(LETTER, external()), submitted(LETTER),
                new LetterApprovedEvent(LETTER, APPROVER.ref(), "เห็นชอบ", ContentHash.of(external()), APPROVED_AT),
                numbered(),
                new LetterPdfRecordedEvent(LETTER, PdfStep.RENDERED, "pdf-rendered", null, APPROVER.ref(), APPROVED_AT),
                new LetterPdfRecordedEvent(LETTER, PdfStep.VISA, "pdf-visa", "pdf-rendered", APPROVER.ref(),
                        APPROVED_AT));
    }

    private static List<Object> signedDigitally() {
        List<Object> history = new ArrayList<>(approvedDigitally());
        history.add(new LetterSignedEvent(LETTER, SIGNER.ref(), "PADES", "PASSWORD", ContentHash.of(external()),
                LATER));
        history.add(new LetterPdfRecordedEvent(LETTER, PdfStep.SIGNATURE, "pdf-signature", "pdf-visa", SIGNER.ref(),
                LATER));
        return history;
    }

    @Test
    void approval_of_a_digitally_signed_kind_issues_the_number_renders_the_pdf_and_adds_the_visa() {
        fixture.given(created(LETTER, external()), submitted(LETTER))
                .when(new ApproveLetterCommand(LETTER, null, APPROVER, "เห็นชอบ", EXTERNAL_SIGNED, APPROVED_AT))
                .expectResultMessagePayload(Map.of("registerNumber", 1L))
                .expectEvents(approvedDigitally().subList(2, 6).toArray());
        assertThat(documents.calls).containsExactly("render สพร ๐๑/๑ dated " + APPROVED_AT,
                "VISA by p-approver on pdf-rendered of สพร ๐๑/๑ dated " + APPROVED_AT);
        assertThat(bookEvents(SENT_2569)).containsExactly(new NumberIssuedEvent(SENT_2569.value(), AGENCY,
                RegisterBookType.SENT, 2569, 1, LETTER, APPROVER.ref(), APPROVED_AT));
    }

    @Test
    void when_the_approver_is_the_signatory_there_is_no_separate_visa() {
        LetterContent selfSigned = Samples.external();
        selfSigned = new LetterContent(selfSigned.kind(), false, null, null, null, selfSigned.subject(),
                selfSigned.salutation(), selfSigned.to(), List.of(), List.of(), selfSigned.body(), selfSigned.closing(),
                APPROVER.ref(), selfSigned.ownerUnit(), List.of(), null);
        fixture.given(created(LETTER, selfSigned), submitted(LETTER))
                .when(new ApproveLetterCommand(LETTER, null, APPROVER, null, EXTERNAL_SIGNED, APPROVED_AT))
                .expectSuccessfulHandlerExecution();
        assertThat(documents.calls).containsExactly("render สพร ๐๑/๑ dated " + APPROVED_AT);
    }

    @Test
    void a_kind_the_agency_does_not_sign_digitally_is_approved_as_before() {
        fixture.given(created(LETTER, memo()), submitted(LETTER))
                .when(new ApproveLetterCommand(LETTER, null, APPROVER, null, EXTERNAL_SIGNED, APPROVED_AT))
                .expectResultMessagePayload(Map.of())
                .expectEvents(new LetterApprovedEvent(LETTER, APPROVER.ref(), null, ContentHash.of(memo()),
                        APPROVED_AT));
        assertThat(documents.calls).isEmpty();
        assertThat(bookEvents(SENT_2569)).isEmpty();
    }

    @Test
    void a_visa_that_cannot_be_made_leaves_the_letter_unapproved_and_issues_no_number() {
        documents.failure = new org.saraban.api.letter.LetterException("SIGNING_UNAVAILABLE",
                org.saraban.api.letter.LetterException.Kind.UNAVAILABLE, "the TSA does not answer");
        fixture.given(created(LETTER, external()), submitted(LETTER))
                .when(new ApproveLetterCommand(LETTER, null, APPROVER, null, EXTERNAL_SIGNED, APPROVED_AT))
                .expectException(refused(UNAVAILABLE, "SIGNING_UNAVAILABLE"))
                .expectNoEvents();
        assertThat(bookEvents(SENT_2569)).isEmpty();
    }

    @Test
    void the_signatory_signs_the_pdf_with_the_visa_on_it() {
        fixture.given(approvedDigitally())
                .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                .expectEvents(signedDigitally().subList(6, 8).toArray());
        assertThat(documents.calls).containsExactly("SIGNATURE by p-signer on pdf-visa of สพร ๐๑/๑ dated " + APPROVED_AT);
    }

    @Test
    void a_signature_made_on_the_signers_own_token_is_recorded_as_prepared_and_embedded_by_the_web_layer() {
        fixture.given(approvedDigitally())
                .when(new SignLetterCommand(LETTER, null, SIGNER, LATER, "pdf-signed-on-token", "pdf-visa"))
                .expectEvents(new LetterSignedEvent(LETTER, SIGNER.ref(), "PADES", "PASSWORD",
                                ContentHash.of(external()), LATER),
                        new LetterPdfRecordedEvent(LETTER, PdfStep.SIGNATURE, "pdf-signed-on-token", "pdf-visa",
                                SIGNER.ref(), LATER));
        assertThat(documents.calls).isEmpty();
    }

    @Test
    void a_token_signature_prepared_on_another_revision_is_refused() {
        fixture.given(approvedDigitally())
                .when(new SignLetterCommand(LETTER, null, SIGNER, LATER, "pdf-signed-on-token", "pdf-rendered"))
                .expectException(refused(CONFLICT, "PDF_CHANGED_SINCE_PREPARED"))
                .expectNoEvents();
    }

    @Test
    void dispatch_sends_the_signed_pdf_with_the_number_and_date_of_approval_and_issues_no_new_number() {
        List<Dispatch> deliveries = List.of(
                new Dispatch(TO_OTHER_AGENCY, false, DeliveryMethod.ELECTRONIC, COPY),
                new Dispatch(OUTSIDE_SYSTEM, true, DeliveryMethod.OUT_OF_BAND, null));
        fixture.given(signedDigitally())
                .when(new DispatchLetterCommand(LETTER, null, CLERK, LATER.plusSeconds(60)))
                .expectResultMessagePayload(Map.of("registerNumber", 1L))
                .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(), RegisterBookType.SENT,
                        2569, 1L, "สพร ๐๑/๑", deliveries, external(), List.of(SIGNER.ref()), LATER.plusSeconds(60),
                        APPROVED_AT, "pdf-signature"));
        assertThat(bookEvents(SENT_2569)).isEmpty(); // the fixture's history did not go through the book
    }

    @Test
    void an_edit_after_approval_voids_the_number_and_drops_the_pdf() {
        LetterContent revised = new LetterContent(LetterKind.EXTERNAL, false, null, null, null, "ขอเชิญประชุม (แก้ไข)",
                "เรียน", List.of(TO_OTHER_AGENCY), List.of(), List.of(), List.of("ด้วยสำนักงานจะจัดประชุม"),
                "ขอแสดงความนับถือ", SIGNER.ref(), external().ownerUnit(), List.of(OUTSIDE_SYSTEM), null);
        approveThroughTheBook();
        fixture.given(signedDigitally())
                .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                .expectEvents(new LetterApprovalInvalidatedEvent(LETTER, AUTHOR.ref(), "แก้ไขหนังสือหลังอนุมัติ",
                        "สพร ๐๑/๑", LATER), new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), revised, LATER));
        assertThat(bookEvents(SENT_2569)).last().isEqualTo(new NumberVoidedEvent(SENT_2569.value(), AGENCY,
                RegisterBookType.SENT, 2569, 1, LETTER, AUTHOR.ref(), "แก้ไขหนังสือหลังอนุมัติ", LATER));
    }

    @Test
    void a_numbered_letter_not_yet_sent_can_be_cancelled_and_its_number_is_voided() {
        approveThroughTheBook();
        fixture.given(signedDigitally())
                .when(new CancelLetterCommand(LETTER, null, CLERK, "ยกเลิกการประชุม", LATER))
                .expectEvents(new LetterCancelledEvent(LETTER, CLERK.ref(), "ยกเลิกการประชุม", LATER));
        assertThat(bookEvents(SENT_2569)).last().isInstanceOf(NumberVoidedEvent.class);
    }

    @Test
    void receipt_verifies_the_delivered_pdf_records_the_result_and_stamps_the_copy() {
        LetterDeliveredEvent delivered = new LetterDeliveredEvent(COPY, LETTER, AGENCY, AGENCY_NAME, OTHER_AGENCY,
                List.of(TO_OTHER_AGENCY), false, external(), "สพร ๐๑/๑", APPROVED_AT, List.of(SIGNER.ref()), LATER,
                "pdf-signature");
        fixture.given(delivered)
                .when(new ReceiveLetterCommand(COPY, null, RECEIVING_CLERK, LATER))
                .expectEvents(new LetterReceivedEvent(COPY, LETTER, OTHER_AGENCY, RECEIVING_CLERK.ref(), 2569, 1, "๑",
                                LATER),
                        new LetterVerifiedEvent(COPY, "pdf-signature", VALID, RECEIVING_CLERK.ref(), LATER),
                        new LetterPdfRecordedEvent(COPY, PdfStep.RECEIPT_STAMP, "pdf-stamped", "pdf-signature",
                                RECEIVING_CLERK.ref(), LATER));
        assertThat(documents.calls).containsExactly("verify pdf-signature", "stamp pdf-signature with กค ๑");
    }

    @Test
    void filing_preserves_the_pdf_of_record_as_pades_b_lta() {
        List<Object> history = new ArrayList<>(signedDigitally());
        history.add(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(), RegisterBookType.SENT, 2569,
                1L, "สพร ๐๑/๑", List.of(), external(), List.of(SIGNER.ref()), LATER, APPROVED_AT, "pdf-signature"));
        fixture.given(history)
                .when(new FileLetterCommand(LETTER, null, RECORDS_OFFICER, "๒.๑", null, false, LATER))
                .expectEvents(new LetterPdfRecordedEvent(LETTER, PdfStep.PRESERVED, "pdf-preserved", "pdf-signature",
                                RECORDS_OFFICER.ref(), LATER),
                        new LetterFiledEvent(LETTER, RECORDS_OFFICER.ref(), "๒.๑", 10, false, 2579, LATER));
        assertThat(documents.calls).containsExactly("preserve pdf-signature");
    }

    @Test
    void a_signed_letter_cannot_be_signed_twice() {
        fixture.given(signedDigitally())
                .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                .expectException(refused(CONFLICT, "LETTER_ALREADY_SIGNED"))
                .expectNoEvents();
        assertThat(documents.calls).isEmpty();
    }

    /** Takes number 1 from the book for this letter, as the approval in the fixture's history did. */
    private void approveThroughTheBook() {
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null).execute(() -> {
            try {
                books.loadOrCreate(SENT_2569.value(), RegisterBook::new).execute(b -> b.handle(
                        new org.saraban.api.register.IssueNumberCommand(SENT_2569.value(), SENT_2569, LETTER,
                                APPROVER.ref(), APPROVED_AT)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
