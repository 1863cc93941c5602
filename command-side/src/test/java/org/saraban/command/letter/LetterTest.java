package org.saraban.command.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.saraban.api.common.SarabanException.Kind.CONFLICT;
import static org.saraban.api.common.SarabanException.Kind.FORBIDDEN;
import static org.saraban.api.common.SarabanException.Kind.NOT_FOUND;
import static org.saraban.command.Refusals.invalidFields;
import static org.saraban.command.Refusals.refused;
import static org.saraban.command.letter.Samples.AGENCY;
import static org.saraban.command.letter.Samples.AGENCY_NAME;
import static org.saraban.command.letter.Samples.APPROVER;
import static org.saraban.command.letter.Samples.AT;
import static org.saraban.command.letter.Samples.AUTHOR;
import static org.saraban.command.letter.Samples.CLERK;
import static org.saraban.command.letter.Samples.LATER;
import static org.saraban.command.letter.Samples.OTHER_AGENCY;
import static org.saraban.command.letter.Samples.OTHER_APPROVER;
import static org.saraban.command.letter.Samples.OTHER_OFFICER;
import static org.saraban.command.letter.Samples.OTHER_SIGNER;
import static org.saraban.command.letter.Samples.OUTSIDE_SYSTEM;
import static org.saraban.command.letter.Samples.RECEIVING_CLERK;
import static org.saraban.command.letter.Samples.RECEIVING_COLLEAGUE;
import static org.saraban.command.letter.Samples.RECEIVING_DIRECTOR;
import static org.saraban.command.letter.Samples.RECEIVING_OFFICER;
import static org.saraban.command.letter.Samples.RECEIVING_OUTSIDER;
import static org.saraban.command.letter.Samples.RECORDS_OFFICER;
import static org.saraban.command.letter.Samples.SIGNER;
import static org.saraban.command.letter.Samples.STRANGER;
import static org.saraban.command.letter.Samples.TO_OTHER_AGENCY;
import static org.saraban.command.letter.Samples.UNIT;
import static org.saraban.command.letter.Samples.actor;
import static org.saraban.command.letter.Samples.approvedHistory;
import static org.saraban.command.letter.Samples.created;
import static org.saraban.command.letter.Samples.external;
import static org.saraban.command.letter.Samples.memo;
import static org.saraban.command.letter.Samples.news;
import static org.saraban.command.letter.Samples.order;
import static org.saraban.command.letter.Samples.signedHistory;
import static org.saraban.command.letter.Samples.stamped;
import static org.saraban.command.letter.Samples.submitted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.saraban.api.common.Actor;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.letter.AcknowledgeRouteCommand;
import org.saraban.api.letter.ApproveLetterCommand;
import org.saraban.api.letter.CancelLetterCommand;
import org.saraban.api.letter.CompleteRouteCommand;
import org.saraban.api.letter.CreateDraftLetterCommand;
import org.saraban.api.letter.DeliverLetterCommand;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.DispatchLetterCommand;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.EditDraftLetterCommand;
import org.saraban.api.letter.FileLetterCommand;
import org.saraban.api.letter.ImportPaperLetterCommand;
import org.saraban.api.letter.ImportedLetter;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterApprovalInvalidatedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterDispatchedEvent.Dispatch;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterReturnedEvent;
import org.saraban.api.letter.LetterRoutedEvent;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.ReceiveLetterCommand;
import org.saraban.api.letter.RecordAcknowledgementCommand;
import org.saraban.api.letter.RecordDeliveryCommand;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.ReturnLetterCommand;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;
import org.saraban.api.letter.RouteLetterCommand;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.SignLetterCommand;
import org.saraban.api.letter.StampedPurpose;
import org.saraban.api.letter.SubmitLetterCommand;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.NumberIssuedEvent;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.api.register.RegisterBookId;
import org.saraban.command.register.RegisterBook;

/**
 * Every command rule of {@link Letter}, accepted and refused. Commands that also take a number from a
 * register book go through {@link LetterDispatcher}; the fixture's own event store holds one aggregate
 * only, so the register books live in a separate in-memory store that the tests read back.
 */
class LetterTest {

    private static final String LETTER = "letter-1";
    private static final String COPY = CopyIds.copyId(LETTER, OTHER_AGENCY);
    private static final int YEAR = 2569;
    private static final RegisterBookId SENT_2569 = new RegisterBookId(AGENCY, RegisterBookType.SENT, YEAR);

    private EmbeddedEventStore bookStore;
    private EventSourcingRepository<RegisterBook> books;
    private FixtureConfiguration<Letter> fixture;

    @BeforeEach
    void setUp() {
        bookStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        books = EventSourcingRepository.builder(RegisterBook.class).eventStore(bookStore).build();
        fixture = newFixture();
    }

    @AfterEach
    void tearDown() {
        bookStore.shutDown();
    }

    /** A fixture for one letter, sharing this test's register books. */
    private FixtureConfiguration<Letter> newFixture() {
        AggregateTestFixture<Letter> f = new AggregateTestFixture<>(Letter.class);
        f.registerAnnotatedCommandHandler(new LetterDispatcher(f.getRepository(), books));
        return f;
    }

    private List<Object> bookEvents(RegisterBookId book) {
        return bookStore.readEvents(book.value()).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Takes {@code count} numbers from a book outside any letter, as other letters would have. */
    private void issueNumbers(RegisterBookId book, int count) throws Exception {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<RegisterBook> b = books.loadOrCreate(book.value(), RegisterBook::new);
            for (int i = 0; i < count; i++) {
                String letterId = "earlier-" + i;
                b.execute(r -> r.handle(new IssueNumberCommand(book.value(), book, letterId, CLERK.ref(), AT)));
            }
            uow.commit();
        } catch (Exception e) {
            uow.rollback(e);
            throw e;
        }
    }

    private static Matcher<?> hiddenFromOtherAgency() {
        return allOf(instanceOf(LetterException.class), refused(NOT_FOUND, "LETTER_NOT_FOUND"));
    }

    private static Matcher<?> roleRequired() {
        return allOf(instanceOf(PermissionDeniedException.class), refused(FORBIDDEN, "ROLE_REQUIRED"));
    }

    private static List<Dispatch> deliveriesOfExternal(String letterId) {
        return List.of(new Dispatch(TO_OTHER_AGENCY, false, DeliveryMethod.ELECTRONIC,
                        CopyIds.copyId(letterId, OTHER_AGENCY)),
                new Dispatch(OUTSIDE_SYSTEM, true, DeliveryMethod.OUT_OF_BAND, null));
    }

    private static LetterDispatchedEvent dispatched(String letterId, long number, String printed) {
        return new LetterDispatchedEvent(letterId, AGENCY, AGENCY_NAME, CLERK.ref(), RegisterBookType.SENT, YEAR,
                number, printed, deliveriesOfExternal(letterId), external(), List.of(SIGNER.ref()), AT);
    }

    // ================================================================== drafting

    @Nested
    class CreatingADraft {

        @Test
        void officer_drafts_an_external_letter_owned_by_their_unit() {
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, AUTHOR, AGENCY_NAME, external(), AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created(LETTER, external()));
        }

        @Test
        void clerk_may_draft_too() {
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, CLERK, AGENCY_NAME, order(), AT))
                    .expectEvents(new DraftLetterCreatedEvent(LETTER, AGENCY, AGENCY_NAME,
                            UNIT, CLERK.ref(), order(), AT));
        }

        @Test
        void records_officer_may_not_draft() {
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, RECORDS_OFFICER, AGENCY_NAME, external(), AT))
                    .expectException(PermissionDeniedException.class)
                    .expectException(roleRequired())
                    .expectExceptionMessage(containsString("OFFICER"))
                    .expectNoEvents();
        }

        @Test
        void external_letter_without_closing_is_refused_naming_the_field() {
            LetterContent noClosing = withClosing(external(), null);
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, AUTHOR, AGENCY_NAME, noClosing, AT))
                    .expectException(InvalidFieldsException.class)
                    .expectException(invalidFields("LETTER_FIELDS_INVALID", "closing"))
                    .expectNoEvents();
        }

        @Test
        void stamped_letter_with_one_of_the_six_purposes_is_accepted() {
            LetterContent content = stamped(StampedPurpose.SEND_COPIES);
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, AUTHOR, AGENCY_NAME, content, AT))
                    .expectEvents(created(LETTER, content));
        }

        @Test
        void stamped_letter_without_a_purpose_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, AUTHOR, AGENCY_NAME, stamped(null), AT))
                    .expectException(invalidFields("LETTER_FIELDS_INVALID", "stampedPurpose"))
                    .expectNoEvents();
        }

        @Test
        void signatory_of_another_agency_is_refused() {
            LetterContent c = external();
            LetterContent foreignSignatory = new LetterContent(c.kind(), c.circular(), c.urgency(), c.deliverBy(),
                    c.secrecy(), c.subject(), c.salutation(), c.to(), c.references(), c.enclosures(), c.body(),
                    c.closing(), STRANGER.ref(), c.ownerUnit(), c.copiesTo(), c.stampedPurpose());
            fixture.givenNoPriorActivity()
                    .when(new CreateDraftLetterCommand(LETTER, AUTHOR, AGENCY_NAME, foreignSignatory, AT))
                    .expectException(invalidFields("LETTER_FIELDS_INVALID", "signatory"))
                    .expectNoEvents();
        }
    }

    private static LetterContent withClosing(LetterContent c, String closing) {
        return new LetterContent(c.kind(), c.circular(), c.urgency(), c.deliverBy(), c.secrecy(), c.subject(),
                c.salutation(), c.to(), c.references(), c.enclosures(), c.body(), closing, c.signatory(),
                c.ownerUnit(), c.copiesTo(), c.stampedPurpose());
    }

    private static LetterContent withSubject(LetterContent c, String subject) {
        return new LetterContent(c.kind(), c.circular(), c.urgency(), c.deliverBy(), c.secrecy(), subject,
                c.salutation(), c.to(), c.references(), c.enclosures(), c.body(), c.closing(), c.signatory(),
                c.ownerUnit(), c.copiesTo(), c.stampedPurpose());
    }

    @Nested
    class EditingADraft {

        private final LetterContent revised = withSubject(external(), "ขอเชิญประชุม (แก้ไข)");

        @Test
        void author_edits_a_draft() {
            fixture.given(created(LETTER, external()))
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                    .expectEvents(new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), revised, LATER));
        }

        @Test
        void author_edits_a_returned_draft() {
            fixture.given(created(LETTER, external()), submitted(LETTER),
                            new LetterReturnedEvent(LETTER, APPROVER.ref(), "แก้เรื่อง", AT))
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                    .expectEvents(new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), revised, LATER));
        }

        @Test
        void someone_other_than_the_author_may_not_edit() {
            fixture.given(created(LETTER, external()))
                    .when(new EditDraftLetterCommand(LETTER, null, OTHER_OFFICER, revised, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_AUTHOR"))
                    .expectNoEvents();
        }

        @Test
        void a_letter_awaiting_approval_is_not_editable() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_EDITABLE"))
                    .expectNoEvents();
        }

        @Test
        void editing_an_approved_letter_invalidates_the_approval_and_makes_it_a_draft_again() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                    .expectEvents(new LetterApprovalInvalidatedEvent(LETTER, AUTHOR.ref(), "แก้ไขหนังสือหลังอนุมัติ",
                                    null, LATER),
                            new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), revised, LATER));
        }

        @Test
        void a_letter_edited_after_approval_must_be_approved_again_before_it_is_signed() {
            fixture.given(approvedHistory(LETTER, external()))
                    .andGiven(new LetterApprovalInvalidatedEvent(LETTER, AUTHOR.ref(), "แก้ไขหนังสือหลังอนุมัติ", null,
                            LATER), new DraftLetterEditedEvent(LETTER, AUTHOR.ref(), revised, LATER))
                    .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void a_dispatched_letter_is_not_editable() {
            fixture.given(dispatchedHistory())
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, revised, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_EDITABLE"))
                    .expectNoEvents();
        }

        @Test
        void an_edit_that_breaks_the_field_rules_is_refused() {
            fixture.given(created(LETTER, external()))
                    .when(new EditDraftLetterCommand(LETTER, null, AUTHOR, withSubject(external(), " "), LATER))
                    .expectException(invalidFields("LETTER_FIELDS_INVALID", "subject"))
                    .expectNoEvents();
        }

        @Test
        void an_editor_of_another_agency_does_not_find_the_letter() {
            fixture.given(created(LETTER, external()))
                    .when(new EditDraftLetterCommand(LETTER, null, STRANGER, revised, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    @Nested
    class Submitting {

        @Test
        void author_submits_to_an_approver_of_the_agency() {
            fixture.given(created(LETTER, external()))
                    .when(new SubmitLetterCommand(LETTER, null, AUTHOR, APPROVER.ref(), LATER))
                    .expectEvents(new LetterSubmittedEvent(LETTER, AUTHOR.ref(), APPROVER.ref(), LATER));
        }

        @Test
        void a_returned_draft_may_be_submitted_again() {
            fixture.given(created(LETTER, external()), submitted(LETTER),
                            new LetterReturnedEvent(LETTER, APPROVER.ref(), "แก้เรื่อง", AT))
                    .when(new SubmitLetterCommand(LETTER, null, AUTHOR, OTHER_APPROVER.ref(), LATER))
                    .expectEvents(new LetterSubmittedEvent(LETTER, AUTHOR.ref(), OTHER_APPROVER.ref(), LATER));
        }

        @Test
        void an_approver_of_another_agency_is_refused() {
            fixture.given(created(LETTER, external()))
                    .when(new SubmitLetterCommand(LETTER, null, AUTHOR, STRANGER.ref(), LATER))
                    .expectException(invalidFields("APPROVER_INVALID", "approverId"))
                    .expectNoEvents();
        }

        @Test
        void submitting_without_an_approver_is_refused() {
            fixture.given(created(LETTER, external()))
                    .when(new SubmitLetterCommand(LETTER, null, AUTHOR, null, LATER))
                    .expectException(invalidFields("APPROVER_INVALID", "approverId"))
                    .expectNoEvents();
        }

        @Test
        void only_the_author_submits() {
            fixture.given(created(LETTER, external()))
                    .when(new SubmitLetterCommand(LETTER, null, OTHER_OFFICER, APPROVER.ref(), LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_AUTHOR"))
                    .expectNoEvents();
        }

        @Test
        void a_letter_awaiting_approval_is_not_submitted_twice() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new SubmitLetterCommand(LETTER, null, AUTHOR, APPROVER.ref(), LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_A_DRAFT"))
                    .expectNoEvents();
        }

        @Test
        void a_stranger_does_not_find_the_letter() {
            fixture.given(created(LETTER, external()))
                    .when(new SubmitLetterCommand(LETTER, null, STRANGER, STRANGER.ref(), LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    @Nested
    class ApprovingAndReturning {

        @Test
        void designated_approver_approves_and_the_event_carries_the_content_hash() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ApproveLetterCommand(LETTER, null, APPROVER, "เห็นชอบ", LATER))
                    .expectEvents(new LetterApprovedEvent(LETTER, APPROVER.ref(), "เห็นชอบ",
                            ContentHash.of(external()), LATER));
        }

        @Test
        void another_approver_may_not_approve() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ApproveLetterCommand(LETTER, null, OTHER_APPROVER, null, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void the_designated_person_without_the_approver_role_may_not_approve() {
            Actor demoted = actor(APPROVER.personId(), APPROVER.displayName(), AGENCY, UNIT, Role.OFFICER);
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ApproveLetterCommand(LETTER, null, demoted, null, LATER))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void an_approved_letter_is_not_approved_again() {
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new ApproveLetterCommand(LETTER, null, APPROVER, null, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_PENDING_APPROVAL"))
                    .expectNoEvents();
        }

        @Test
        void a_draft_never_submitted_has_no_approver_to_decide() {
            fixture.given(created(LETTER, external()))
                    .when(new ApproveLetterCommand(LETTER, null, APPROVER, null, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void designated_approver_returns_with_a_reason() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ReturnLetterCommand(LETTER, null, APPROVER, "แก้ไขเรื่อง", LATER))
                    .expectEvents(new LetterReturnedEvent(LETTER, APPROVER.ref(), "แก้ไขเรื่อง", LATER));
        }

        @Test
        void returning_without_a_reason_is_refused() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ReturnLetterCommand(LETTER, null, APPROVER, "  ", LATER))
                    .expectException(invalidFields("REASON_REQUIRED", "reason"))
                    .expectNoEvents();
        }

        @Test
        void another_approver_may_not_return() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ReturnLetterCommand(LETTER, null, OTHER_APPROVER, "ไม่เห็นด้วย", LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_APPROVER"))
                    .expectNoEvents();
        }

        @Test
        void an_approver_of_another_agency_does_not_find_the_letter() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new ApproveLetterCommand(LETTER, null, STRANGER, null, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    @Nested
    class Signing {

        @Test
        void the_signatory_signs_the_approved_content() {
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                    .expectEvents(new LetterSignedEvent(LETTER, SIGNER.ref(), "TYPED_NAME", "PASSWORD",
                            ContentHash.of(external()), LATER));
        }

        @Test
        void the_signature_records_how_the_signer_was_identified() {
            Actor viaOidc = new Actor(SIGNER.personId(), SIGNER.displayName(), SIGNER.position(), AGENCY, null,
                    SIGNER.roles(), "OIDC");
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, viaOidc, LATER))
                    .expectEvents(new LetterSignedEvent(LETTER, viaOidc.ref(), "TYPED_NAME", "OIDC",
                            ContentHash.of(external()), LATER));
        }

        @Test
        void another_signer_may_not_sign() {
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, OTHER_SIGNER, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_THE_SIGNATORY"))
                    .expectNoEvents();
        }

        @Test
        void the_signatory_without_the_signer_role_may_not_sign() {
            Actor noRole = actor(SIGNER.personId(), SIGNER.displayName(), AGENCY, null, Role.OFFICER);
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, noRole, LATER))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void a_letter_not_yet_approved_is_not_signed() {
            fixture.given(created(LETTER, external()), submitted(LETTER))
                    .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void a_signed_letter_is_not_signed_twice() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                    .expectException(refused(CONFLICT, "LETTER_ALREADY_SIGNED"))
                    .expectNoEvents();
        }

        @Test
        void content_that_differs_from_what_was_approved_is_not_signed() {
            LetterApprovedEvent approvedOtherContent = new LetterApprovedEvent(LETTER, APPROVER.ref(), null,
                    ContentHash.of(withSubject(external(), "เรื่องอื่น")), AT);
            fixture.given(created(LETTER, external()), submitted(LETTER), approvedOtherContent)
                    .when(new SignLetterCommand(LETTER, null, SIGNER, LATER))
                    .expectException(refused(CONFLICT, "CONTENT_CHANGED_SINCE_APPROVAL"))
                    .expectNoEvents();
        }

        @Test
        void a_signer_of_another_agency_does_not_find_the_letter() {
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new SignLetterCommand(LETTER, null, STRANGER, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    // ================================================================== dispatch and cancel

    @Nested
    class Dispatching {

        @Test
        void clerk_dispatches_a_signed_letter_with_the_first_number_of_the_sending_book() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(Map.of("registerNumber", 1L))
                    .expectEvents(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            assertThat(bookEvents(SENT_2569)).containsExactly(new NumberIssuedEvent(SENT_2569.value(), AGENCY,
                    RegisterBookType.SENT, YEAR, 1, LETTER, CLERK.ref(), AT));
        }

        @Test
        void a_book_that_issued_numbers_before_gives_the_next_one() throws Exception {
            issueNumbers(SENT_2569, 41);
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectResultMessagePayload(Map.of("registerNumber", 42L))
                    .expectEvents(dispatched(LETTER, 42, "สพร ๐๑/๔๒"));
        }

        @Test
        void a_circular_takes_its_number_from_the_circular_book() {
            LetterContent circular = external(Secrecy.NONE, true);
            RegisterBookId circulars = new RegisterBookId(AGENCY, RegisterBookType.CIRCULAR, YEAR);
            fixture.given(signedHistory(LETTER, circular))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(),
                            RegisterBookType.CIRCULAR, YEAR, 1L, "สพร ๐๑/ว ๑", deliveriesOfExternal(LETTER), circular,
                            List.of(SIGNER.ref()), AT));
            assertThat(bookEvents(circulars)).hasSize(1);
            assertThat(bookEvents(SENT_2569)).isEmpty();
        }

        @Test
        void an_order_is_numbered_over_the_buddhist_year() {
            fixture.given(signedHistory(LETTER, order()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(),
                            RegisterBookType.ORDER, YEAR, 1L, "๑/๒๕๖๙", List.of(), order(), List.of(SIGNER.ref()),
                            AT));
        }

        @Test
        void an_agency_code_ending_in_a_digit_is_followed_directly_by_the_unit() {
            Actor clerk = actor("n-clerk", "นางสารบรรณ", "นร ๑๒", "๑๐", Role.CLERK);
            Actor signer = actor("n-signer", "นายลงนาม", "นร ๑๒", null, Role.SIGNER);
            LetterContent c = external();
            LetterContent content = new LetterContent(c.kind(), false, null, null, null, c.subject(), c.salutation(),
                    List.of(TO_OTHER_AGENCY), List.of(), List.of(), c.body(), c.closing(), signer.ref(), c.ownerUnit(),
                    List.of(), null);
            Actor author = actor("n-author", "นายร่าง", "นร ๑๒", "๑๐", Role.OFFICER);
            fixture.given(new DraftLetterCreatedEvent(LETTER, "นร ๑๒", "สำนักนายกรัฐมนตรี",
                                    "๑๐", author.ref(), content, AT),
                            new LetterSubmittedEvent(LETTER, author.ref(), APPROVER.ref(), AT),
                            new LetterApprovedEvent(LETTER, APPROVER.ref(), null, ContentHash.of(content), AT),
                            new LetterSignedEvent(LETTER, signer.ref(), "TYPED_NAME", "PASSWORD",
                                    ContentHash.of(content), AT))
                    .when(new DispatchLetterCommand(LETTER, null, clerk, AT))
                    .expectEventsMatching(singleDispatchNumbered("นร ๑๒๑๐/๑"));
        }

        @Test
        void a_most_secret_letter_is_never_delivered_electronically() {
            LetterContent secret = external(Secrecy.MOST_SECRET, false);
            fixture.given(signedHistory(LETTER, secret))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(),
                            RegisterBookType.SENT, YEAR, 1L, "สพร ๐๑/๑",
                            List.of(new Dispatch(TO_OTHER_AGENCY, false, DeliveryMethod.OUT_OF_BAND, null),
                                    new Dispatch(OUTSIDE_SYSTEM, true, DeliveryMethod.OUT_OF_BAND, null)),
                            secret, List.of(SIGNER.ref()), AT));
        }

        @Test
        void a_letter_dispatched_after_midnight_on_new_years_eve_in_bangkok_opens_the_next_years_book()
                throws Exception {
            issueNumbers(SENT_2569, 5);
            Instant newYear = Instant.parse("2026-12-31T17:30:00Z"); // 00.30 on 1 January 2570 in Bangkok
            RegisterBookId sent2570 = new RegisterBookId(AGENCY, RegisterBookType.SENT, 2570);
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, newYear))
                    .expectResultMessagePayload(Map.of("registerNumber", 1L))
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(),
                            RegisterBookType.SENT, 2570, 1L, "สพร ๐๑/๑", deliveriesOfExternal(LETTER), external(),
                            List.of(SIGNER.ref()), newYear));
            assertThat(bookEvents(sent2570)).containsExactly(new NumberIssuedEvent(sent2570.value(), AGENCY,
                    RegisterBookType.SENT, 2570, 1, LETTER, CLERK.ref(), newYear));
            assertThat(bookEvents(SENT_2569)).hasSize(5);
        }

        @Test
        void a_letter_dispatched_just_before_midnight_in_bangkok_stays_in_this_years_book() throws Exception {
            issueNumbers(SENT_2569, 5);
            Instant lastMinute = Instant.parse("2026-12-31T16:59:00Z"); // 23.59 on 31 December 2569
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, lastMinute))
                    .expectResultMessagePayload(Map.of("registerNumber", 6L));
        }

        @Test
        void a_letter_without_a_signatory_is_dispatched_once_approved() {
            RegisterBookId announcements = new RegisterBookId(AGENCY, RegisterBookType.ANNOUNCEMENT, YEAR);
            fixture.given(approvedHistory(LETTER, news()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(),
                            RegisterBookType.ANNOUNCEMENT, YEAR, 1L, null, List.of(), news(), List.of(), AT));
            assertThat(bookEvents(announcements)).hasSize(1);
        }

        @Test
        void a_memo_has_no_register_number() {
            LetterContent memo = memo();
            fixture.given(signedHistory(LETTER, memo))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectResultMessagePayload(Map.of())
                    .expectEvents(new LetterDispatchedEvent(LETTER, AGENCY, AGENCY_NAME, CLERK.ref(), null, null, null,
                            null, List.of(new Dispatch(memo.to().get(0), false, DeliveryMethod.ELECTRONIC,
                                    CopyIds.copyId(LETTER, AGENCY))), memo, List.of(SIGNER.ref()), AT));
        }

        @Test
        void dispatch_of_unsigned_external_letter_is_refused() {
            fixture.given(approvedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectException(LetterException.class)
                    .expectException(refused(CONFLICT, "LETTER_NOT_SIGNED"))
                    .expectNoEvents();
            assertThat(bookEvents(SENT_2569)).as("no number without its letter").isEmpty();
        }

        @Test
        void dispatch_of_an_unapproved_letter_without_signatory_is_refused() {
            fixture.given(created(LETTER, news()), submitted(LETTER))
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectException(refused(CONFLICT, "LETTER_NOT_APPROVED"))
                    .expectNoEvents();
        }

        @Test
        void a_letter_is_dispatched_only_once() {
            List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
            history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            fixture.given(history)
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, LATER))
                    .expectException(refused(CONFLICT, "LETTER_ALREADY_DISPATCHED"))
                    .expectNoEvents();
            assertThat(bookEvents(SENT_2569)).isEmpty();
        }

        @Test
        void only_a_clerk_dispatches() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, SIGNER, AT))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void a_clerk_of_another_agency_does_not_find_the_letter() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new DispatchLetterCommand(LETTER, null, STRANGER, AT))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
            assertThat(bookEvents(new RegisterBookId(OTHER_AGENCY, RegisterBookType.SENT, YEAR))).isEmpty();
        }

        @Test
        void an_unknown_letter_is_not_found() {
            fixture.givenNoPriorActivity()
                    .when(new DispatchLetterCommand(LETTER, null, CLERK, AT))
                    .expectException(hiddenFromOtherAgency());
        }
    }

    private static Matcher<List<? super EventMessage<?>>> singleDispatchNumbered(
            String number) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                return events.size() == 1
                        && ((EventMessage<?>) events.get(0)).getPayload()
                        instanceof LetterDispatchedEvent e && number.equals(e.number());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("one LetterDispatchedEvent numbered " + number);
            }
        };
    }

    @Nested
    class Cancelling {

        private List<Object> createAndSign(String letterId) {
            return List.of(new CreateDraftLetterCommand(letterId, AUTHOR, AGENCY_NAME, external(), AT),
                    new SubmitLetterCommand(letterId, null, AUTHOR, APPROVER.ref(), AT),
                    new ApproveLetterCommand(letterId, null, APPROVER, "เห็นชอบ", AT),
                    new SignLetterCommand(letterId, null, SIGNER, AT));
        }

        @Test
        void cancelling_voids_the_number_and_the_next_dispatch_never_reuses_it() {
            List<Object> first = new ArrayList<>(createAndSign(LETTER));
            first.add(new DispatchLetterCommand(LETTER, null, CLERK, AT));
            fixture.givenCommands(first)
                    .when(new CancelLetterCommand(LETTER, null, CLERK, "ส่งผิดหน่วยงาน", LATER))
                    .expectEvents(new LetterCancelledEvent(LETTER, CLERK.ref(), "ส่งผิดหน่วยงาน", LATER));
            assertThat(bookEvents(SENT_2569)).containsExactly(
                    new NumberIssuedEvent(SENT_2569.value(), AGENCY, RegisterBookType.SENT, YEAR, 1, LETTER,
                            CLERK.ref(), AT),
                    new NumberVoidedEvent(SENT_2569.value(), AGENCY, RegisterBookType.SENT, YEAR, 1, LETTER,
                            CLERK.ref(), "ส่งผิดหน่วยงาน", LATER));

            String second = "letter-2";
            newFixture().givenCommands(createAndSign(second))
                    .when(new DispatchLetterCommand(second, null, CLERK, LATER))
                    .expectResultMessagePayload(Map.of("registerNumber", 2L))
                    .expectEventsMatching(singleDispatchNumbered("สพร ๐๑/๒"));
            assertThat(bookEvents(SENT_2569)).hasSize(3).last()
                    .isEqualTo(new NumberIssuedEvent(SENT_2569.value(), AGENCY, RegisterBookType.SENT, YEAR, 2,
                            second, CLERK.ref(), LATER));
        }

        @Test
        void a_letter_not_dispatched_cannot_be_cancelled() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new CancelLetterCommand(LETTER, null, CLERK, "ยกเลิก", LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_DISPATCHED"))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_letter_is_not_cancelled_twice() {
            List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
            history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            history.add(new LetterCancelledEvent(LETTER, CLERK.ref(), "ส่งผิด", AT));
            fixture.given(history)
                    .when(new CancelLetterCommand(LETTER, null, CLERK, "อีกครั้ง", LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_DISPATCHED"))
                    .expectNoEvents();
        }

        @Test
        void cancelling_needs_a_reason() {
            List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
            history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            fixture.given(history)
                    .when(new CancelLetterCommand(LETTER, null, CLERK, "", LATER))
                    .expectException(invalidFields("REASON_REQUIRED", "reason"))
                    .expectNoEvents();
        }

        @Test
        void only_a_clerk_cancels() {
            List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
            history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            fixture.given(history)
                    .when(new CancelLetterCommand(LETTER, null, AUTHOR, "ยกเลิก", LATER))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void a_clerk_of_another_agency_does_not_find_the_letter() {
            List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
            history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
            fixture.given(history)
                    .when(new CancelLetterCommand(LETTER, null, STRANGER, "ยกเลิก", LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    // ================================================================== delivery between agencies

    private static LetterDeliveredEvent delivered() {
        return new LetterDeliveredEvent(COPY, LETTER, AGENCY, AGENCY_NAME, OTHER_AGENCY, List.of(TO_OTHER_AGENCY),
                false, external(), "สพร ๐๑/๑", AT, List.of(SIGNER.ref()), AT);
    }

    private static DeliverLetterCommand deliver() {
        return new DeliverLetterCommand(COPY, LETTER, AGENCY, AGENCY_NAME, OTHER_AGENCY, List.of(TO_OTHER_AGENCY),
                false, external(), "สพร ๐๑/๑", AT, List.of(SIGNER.ref()), AT);
    }

    private static LetterReceivedEvent received() {
        return new LetterReceivedEvent(COPY, LETTER, OTHER_AGENCY, RECEIVING_CLERK.ref(), YEAR, 1, "๑", AT);
    }

    private List<Object> dispatchedHistory() {
        List<Object> history = new ArrayList<>(signedHistory(LETTER, external()));
        history.add(dispatched(LETTER, 1, "สพร ๐๑/๑"));
        return history;
    }

    @Nested
    class RecordingDeliveryAndAcknowledgement {

        @Test
        void a_delivery_is_recorded_once() {
            fixture.given(dispatchedHistory())
                    .when(new RecordDeliveryCommand(LETTER, OTHER_AGENCY, COPY, LATER))
                    .expectEvents(new LetterDeliveryRecordedEvent(LETTER, OTHER_AGENCY, COPY, LATER));
        }

        @Test
        void a_second_report_of_the_same_delivery_records_nothing() {
            List<Object> history = dispatchedHistory();
            history.add(new LetterDeliveryRecordedEvent(LETTER, OTHER_AGENCY, COPY, AT));
            fixture.given(history)
                    .when(new RecordDeliveryCommand(LETTER, OTHER_AGENCY, COPY, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void an_acknowledgement_is_recorded_once() {
            fixture.given(dispatchedHistory())
                    .when(new RecordAcknowledgementCommand(LETTER, OTHER_AGENCY, COPY, "๑", RECEIVING_CLERK.ref(),
                            LATER))
                    .expectEvents(new LetterAcknowledgedEvent(LETTER, OTHER_AGENCY, COPY, "๑", RECEIVING_CLERK.ref(),
                            LATER));
        }

        @Test
        void a_second_acknowledgement_records_nothing() {
            List<Object> history = dispatchedHistory();
            history.add(new LetterAcknowledgedEvent(LETTER, OTHER_AGENCY, COPY, "๑", RECEIVING_CLERK.ref(), AT));
            fixture.given(history)
                    .when(new RecordAcknowledgementCommand(LETTER, OTHER_AGENCY, COPY, "๑", RECEIVING_CLERK.ref(),
                            LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_received_copy_does_not_record_deliveries() {
            fixture.given(delivered())
                    .when(new RecordDeliveryCommand(COPY, OTHER_AGENCY, COPY, LATER))
                    .expectNoEvents();
        }
    }

    @Nested
    class Delivering {

        @Test
        void delivery_creates_the_recipients_copy() {
            fixture.givenNoPriorActivity()
                    .when(deliver())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(delivered());
        }

        @Test
        void delivering_again_leaves_the_copy_as_it_is() {
            fixture.given(delivered())
                    .when(deliver())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Receiving {

        @Test
        void the_recipients_clerk_receives_with_the_next_receiving_number() {
            RegisterBookId receivedBook = new RegisterBookId(OTHER_AGENCY, RegisterBookType.RECEIVED, YEAR);
            fixture.given(delivered())
                    .when(new ReceiveLetterCommand(COPY, null, RECEIVING_CLERK, AT))
                    .expectResultMessagePayload(Map.of("registerNumber", 1L))
                    .expectEvents(received());
            assertThat(bookEvents(receivedBook)).containsExactly(new NumberIssuedEvent(receivedBook.value(),
                    OTHER_AGENCY, RegisterBookType.RECEIVED, YEAR, 1, COPY, RECEIVING_CLERK.ref(), AT));
        }

        @Test
        void a_copy_is_received_only_once() {
            fixture.given(delivered(), received())
                    .when(new ReceiveLetterCommand(COPY, null, RECEIVING_CLERK, LATER))
                    .expectException(refused(CONFLICT, "LETTER_ALREADY_RECEIVED"))
                    .expectNoEvents();
        }

        @Test
        void only_a_clerk_receives() {
            fixture.given(delivered())
                    .when(new ReceiveLetterCommand(COPY, null, RECEIVING_DIRECTOR, AT))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void the_sending_agency_does_not_find_the_recipients_copy() {
            fixture.given(delivered())
                    .when(new ReceiveLetterCommand(COPY, null, CLERK, AT))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }

        @Test
        void an_outgoing_letter_cannot_be_received() {
            fixture.given(dispatchedHistory())
                    .when(new ReceiveLetterCommand(LETTER, null, CLERK, AT))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }

        @Test
        void a_paper_letter_is_imported_and_received_in_one_step() {
            ImportedLetter paper = new ImportedLetter(LetterKind.EXTERNAL, "กค ๐๔๐๑/๗๗", LocalDate.of(2026, 11, 18),
                    "กรมบัญชีกลาง", "ขอข้อมูล", "เรียน", List.of(), List.of(), List.of(), "นายผู้ส่ง", "อธิบดี", null,
                    null, null, "PAPER", null);
            String sha = "ab".repeat(32);
            RegisterBookId receivedBook = new RegisterBookId(AGENCY, RegisterBookType.RECEIVED, YEAR);
            fixture.givenNoPriorActivity()
                    .when(new ImportPaperLetterCommand("paper-1", CLERK, paper, sha, AT))
                    .expectResultMessagePayload(Map.of("registerNumber", 1L))
                    .expectEvents(new PaperLetterImportedEvent("paper-1", AGENCY, CLERK.ref(), paper, sha, AT),
                            new LetterReceivedEvent("paper-1", null, AGENCY, CLERK.ref(), YEAR, 1, "๑", AT));
            assertThat(bookEvents(receivedBook)).hasSize(1);
        }

        @Test
        void only_a_clerk_imports_a_paper_letter() {
            ImportedLetter paper = new ImportedLetter(LetterKind.EXTERNAL, "กค ๐๔๐๑/๗๗", LocalDate.of(2026, 11, 18),
                    "กรมบัญชีกลาง", "ขอข้อมูล", "เรียน", List.of(), List.of(), List.of(), null, null, null, null,
                    null, "PAPER", null);
            fixture.givenNoPriorActivity()
                    .when(new ImportPaperLetterCommand("paper-1", AUTHOR, paper, null, AT))
                    .expectException(roleRequired())
                    .expectNoEvents();
            assertThat(bookEvents(new RegisterBookId(AGENCY, RegisterBookType.RECEIVED, YEAR))).isEmpty();
        }
    }

    // ================================================================== routing (เกษียน)

    private static final LocalDate DUE = LocalDate.of(2026, 11, 30);

    private static RouteLetterCommand routeToPerson(Actor by, String routeId, PersonRef to) {
        return new RouteLetterCommand(COPY, null, by, routeId, null, null, to, "ดำเนินการ", DUE, LATER);
    }

    private static RouteLetterCommand routeToUnit(Actor by, String routeId, String unit) {
        return new RouteLetterCommand(COPY, null, by, routeId, unit, "กองนโยบาย", null, "พิจารณา", DUE, LATER);
    }

    private static LetterRoutedEvent routedToOfficer() {
        return new LetterRoutedEvent(COPY, "r1", RECEIVING_DIRECTOR.ref(), null, null, RECEIVING_OFFICER.ref(),
                "ดำเนินการ", DUE, AT);
    }

    private static LetterRoutedEvent routedToUnit03() {
        return new LetterRoutedEvent(COPY, "r1", RECEIVING_DIRECTOR.ref(), "๐๓", "กองนโยบาย", null, "พิจารณา", DUE,
                AT);
    }

    @Nested
    class Routing {

        @Test
        void the_director_routes_a_received_letter_to_a_person() {
            fixture.given(delivered(), received())
                    .when(routeToPerson(RECEIVING_DIRECTOR, "r1", RECEIVING_OFFICER.ref()))
                    .expectEvents(new LetterRoutedEvent(COPY, "r1", RECEIVING_DIRECTOR.ref(), null, null,
                            RECEIVING_OFFICER.ref(), "ดำเนินการ", DUE, LATER));
        }

        @Test
        void a_clerk_routes_to_a_unit() {
            fixture.given(delivered(), received())
                    .when(routeToUnit(RECEIVING_CLERK, "r1", "๐๓"))
                    .expectEvents(new LetterRoutedEvent(COPY, "r1", RECEIVING_CLERK.ref(), "๐๓", "กองนโยบาย", null,
                            "พิจารณา", DUE, LATER));
        }

        @Test
        void a_letter_not_yet_received_is_not_routed() {
            fixture.given(delivered())
                    .when(routeToUnit(RECEIVING_CLERK, "r1", "๐๓"))
                    .expectException(refused(CONFLICT, "LETTER_NOT_RECEIVED"))
                    .expectNoEvents();
        }

        @Test
        void a_route_names_exactly_one_of_unit_or_person() {
            fixture.given(delivered(), received())
                    .when(new RouteLetterCommand(COPY, null, RECEIVING_CLERK, "r1", "๐๓", "กองนโยบาย",
                            RECEIVING_OFFICER.ref(), "ดำเนินการ", DUE, LATER))
                    .expectException(invalidFields("ROUTE_INVALID", "toUnit"))
                    .expectNoEvents();
        }

        @Test
        void a_route_to_nobody_is_refused() {
            fixture.given(delivered(), received())
                    .when(new RouteLetterCommand(COPY, null, RECEIVING_CLERK, "r1", null, null, null, "ดำเนินการ",
                            DUE, LATER))
                    .expectException(invalidFields("ROUTE_INVALID", "toUnit"))
                    .expectNoEvents();
        }

        @Test
        void a_route_to_a_person_of_another_agency_is_refused() {
            fixture.given(delivered(), received())
                    .when(routeToPerson(RECEIVING_DIRECTOR, "r1", AUTHOR.ref()))
                    .expectException(invalidFields("ROUTE_INVALID", "toPerson"))
                    .expectNoEvents();
        }

        @Test
        void a_route_needs_an_instruction_a_due_date_not_in_the_past_and_a_fresh_id() {
            fixture.given(delivered(), received(), routedToUnit03())
                    .when(new RouteLetterCommand(COPY, null, RECEIVING_DIRECTOR, "r1", "๐๔", "กองคลัง", null, " ",
                            LocalDate.of(2026, 11, 20), LATER))
                    .expectException(invalidFields("ROUTE_INVALID", "instruction", "dueDate", "routeId"))
                    .expectNoEvents();
        }

        @Test
        void an_officer_not_routed_to_may_not_route() {
            fixture.given(delivered(), received())
                    .when(routeToUnit(RECEIVING_OFFICER, "r1", "๐๓"))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void the_person_currently_routed_to_may_route_further() {
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(routeToUnit(RECEIVING_OFFICER, "r2", "๐๓"))
                    .expectEvents(new LetterRoutedEvent(COPY, "r2", RECEIVING_OFFICER.ref(), "๐๓", "กองนโยบาย",
                            null, "พิจารณา", DUE, LATER));
        }

        @Test
        void once_their_route_is_completed_the_officer_may_not_route_any_more() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteCompletedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), "เสร็จ", AT))
                    .when(routeToUnit(RECEIVING_OFFICER, "r2", "๐๓"))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void a_filed_letter_is_not_routed() {
            fixture.given(delivered(), received(),
                            new LetterFiledEvent(COPY, RECEIVING_CLERK.ref(), "๐๑.๐๒", 10, false, 2579, AT))
                    .when(routeToUnit(RECEIVING_CLERK, "r1", "๐๓"))
                    .expectException(refused(CONFLICT, "LETTER_ALREADY_FILED"))
                    .expectNoEvents();
        }

        @Test
        void the_sending_agency_does_not_find_the_recipients_copy() {
            fixture.given(delivered(), received())
                    .when(new RouteLetterCommand(COPY, null, CLERK, "r1", "๐๑", "กองกลาง", null, "ทราบ", DUE, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    @Nested
    class AcknowledgingAndCompletingARoute {

        @Test
        void the_person_routed_to_acknowledges() {
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(new AcknowledgeRouteCommand(COPY, "r1", RECEIVING_OFFICER, LATER))
                    .expectEvents(new RouteAcknowledgedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), LATER));
        }

        @Test
        void a_member_of_the_unit_routed_to_acknowledges() {
            fixture.given(delivered(), received(), routedToUnit03())
                    .when(new AcknowledgeRouteCommand(COPY, "r1", RECEIVING_COLLEAGUE, LATER))
                    .expectEvents(new RouteAcknowledgedEvent(COPY, "r1", RECEIVING_COLLEAGUE.ref(), LATER));
        }

        @Test
        void someone_else_may_not_acknowledge_a_personal_route() {
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(new AcknowledgeRouteCommand(COPY, "r1", RECEIVING_COLLEAGUE, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_ROUTED_TO_YOU"))
                    .expectNoEvents();
        }

        @Test
        void a_member_of_another_unit_may_not_acknowledge_a_unit_route() {
            fixture.given(delivered(), received(), routedToUnit03())
                    .when(new AcknowledgeRouteCommand(COPY, "r1", RECEIVING_OUTSIDER, LATER))
                    .expectException(refused(FORBIDDEN, "NOT_ROUTED_TO_YOU"))
                    .expectNoEvents();
        }

        @Test
        void a_route_is_acknowledged_only_once() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteAcknowledgedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), AT))
                    .when(new AcknowledgeRouteCommand(COPY, "r1", RECEIVING_OFFICER, LATER))
                    .expectException(refused(CONFLICT, "ROUTE_ALREADY_ACKNOWLEDGED"))
                    .expectNoEvents();
        }

        @Test
        void an_unknown_route_is_not_found() {
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(new AcknowledgeRouteCommand(COPY, "r9", RECEIVING_OFFICER, LATER))
                    .expectException(refused(NOT_FOUND, "ROUTE_NOT_FOUND"))
                    .expectNoEvents();
        }

        @Test
        void the_person_routed_to_completes_the_work() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteAcknowledgedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), AT))
                    .when(new CompleteRouteCommand(COPY, "r1", RECEIVING_OFFICER, "ดำเนินการแล้ว", LATER))
                    .expectEvents(new RouteCompletedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), "ดำเนินการแล้ว",
                            LATER));
        }

        @Test
        void someone_else_may_not_complete_the_route() {
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(new CompleteRouteCommand(COPY, "r1", RECEIVING_DIRECTOR, "เสร็จ", LATER))
                    .expectException(refused(FORBIDDEN, "NOT_ROUTED_TO_YOU"))
                    .expectNoEvents();
        }

        @Test
        void a_route_is_completed_only_once() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteCompletedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), "เสร็จ", AT))
                    .when(new CompleteRouteCommand(COPY, "r1", RECEIVING_OFFICER, "อีกครั้ง", LATER))
                    .expectException(refused(CONFLICT, "ROUTE_ALREADY_COMPLETED"))
                    .expectNoEvents();
        }

        @Test
        void a_person_of_another_agency_does_not_find_the_copy() {
            Actor namesake = actor(RECEIVING_OFFICER.personId(), "ชื่อซ้ำ", AGENCY, "๐๓", Role.OFFICER);
            fixture.given(delivered(), received(), routedToOfficer())
                    .when(new AcknowledgeRouteCommand(COPY, "r1", namesake, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }

    // ================================================================== filing (เก็บ)

    @Nested
    class Filing {

        @Test
        void a_dispatched_letter_is_kept_ten_years_by_default() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, " ๐๑.๐๒ ", null, false, LATER))
                    .expectEvents(new LetterFiledEvent(LETTER, CLERK.ref(), "๐๑.๐๒", 10, false, YEAR + 10, LATER));
        }

        @Test
        void the_retention_runs_from_the_buddhist_year_in_bangkok() {
            Instant newYear = Instant.parse("2026-12-31T17:30:00Z");
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, RECORDS_OFFICER, "๐๑", null, false, newYear))
                    .expectEvents(new LetterFiledEvent(LETTER, RECORDS_OFFICER.ref(), "๐๑", 10, false, 2580,
                            newYear));
        }

        @Test
        void a_chosen_retention_sets_the_year_to_keep_until() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, RECORDS_OFFICER, "๐๑", 25, false, LATER))
                    .expectEvents(new LetterFiledEvent(LETTER, RECORDS_OFFICER.ref(), "๐๑", 25, false, YEAR + 25,
                            LATER));
        }

        @Test
        void a_permanent_letter_has_no_end_of_retention() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", null, true, LATER))
                    .expectEvents(new LetterFiledEvent(LETTER, CLERK.ref(), "๐๑", null, true, null, LATER));
        }

        @Test
        void permanent_and_a_retention_together_are_refused() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", 10, true, LATER))
                    .expectException(invalidFields("FILING_INVALID", "retentionYears"))
                    .expectNoEvents();
        }

        @Test
        void a_retention_outside_one_to_a_hundred_years_is_refused() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", 0, false, LATER))
                    .expectException(invalidFields("FILING_INVALID", "retentionYears"))
                    .expectNoEvents();
            newFixture().given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", 101, false, LATER))
                    .expectException(invalidFields("FILING_INVALID", "retentionYears"))
                    .expectNoEvents();
        }

        @Test
        void a_file_code_is_required_and_short() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "  ", null, false, LATER))
                    .expectException(invalidFields("FILING_INVALID", "fileCode"))
                    .expectNoEvents();
            newFixture().given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, CLERK, "x".repeat(101), null, false, LATER))
                    .expectException(invalidFields("FILING_INVALID", "fileCode"))
                    .expectNoEvents();
        }

        @Test
        void an_officer_may_not_file() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, AUTHOR, "๐๑", null, false, LATER))
                    .expectException(roleRequired())
                    .expectNoEvents();
        }

        @Test
        void a_letter_not_yet_dispatched_is_not_filed() {
            fixture.given(signedHistory(LETTER, external()))
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", null, false, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_FINISHED"))
                    .expectNoEvents();
        }

        @Test
        void a_cancelled_letter_is_filed_too() {
            List<Object> history = dispatchedHistory();
            history.add(new LetterCancelledEvent(LETTER, CLERK.ref(), "ส่งผิด", AT));
            fixture.given(history)
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๑", null, false, LATER))
                    .expectEvents(new LetterFiledEvent(LETTER, CLERK.ref(), "๐๑", 10, false, YEAR + 10, LATER));
        }

        @Test
        void a_letter_is_filed_only_once() {
            List<Object> history = dispatchedHistory();
            history.add(new LetterFiledEvent(LETTER, CLERK.ref(), "๐๑", 10, false, YEAR + 10, AT));
            fixture.given(history)
                    .when(new FileLetterCommand(LETTER, null, CLERK, "๐๒", null, false, LATER))
                    .expectException(refused(CONFLICT, "LETTER_ALREADY_FILED"))
                    .expectNoEvents();
        }

        @Test
        void a_received_copy_is_filed_once_its_routes_are_completed() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteCompletedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), "เสร็จ", AT))
                    .when(new FileLetterCommand(COPY, null, RECEIVING_CLERK, "๐๕", null, false, LATER))
                    .expectEvents(new LetterFiledEvent(COPY, RECEIVING_CLERK.ref(), "๐๕", 10, false, YEAR + 10,
                            LATER));
        }

        @Test
        void a_received_copy_with_an_open_route_is_not_filed() {
            fixture.given(delivered(), received(), routedToOfficer(),
                            new RouteAcknowledgedEvent(COPY, "r1", RECEIVING_OFFICER.ref(), AT))
                    .when(new FileLetterCommand(COPY, null, RECEIVING_CLERK, "๐๕", null, false, LATER))
                    .expectException(refused(CONFLICT, "LETTER_HAS_OPEN_ROUTES"))
                    .expectNoEvents();
        }

        @Test
        void a_copy_delivered_but_not_received_is_not_filed() {
            fixture.given(delivered())
                    .when(new FileLetterCommand(COPY, null, RECEIVING_CLERK, "๐๕", null, false, LATER))
                    .expectException(refused(CONFLICT, "LETTER_NOT_FINISHED"))
                    .expectNoEvents();
        }

        @Test
        void a_records_officer_of_another_agency_does_not_find_the_letter() {
            fixture.given(dispatchedHistory())
                    .when(new FileLetterCommand(LETTER, null, STRANGER, "๐๑", null, false, LATER))
                    .expectException(hiddenFromOtherAgency())
                    .expectNoEvents();
        }
    }
}
