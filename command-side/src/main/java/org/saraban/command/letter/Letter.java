package org.saraban.command.letter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.AcknowledgeRouteCommand;
import org.saraban.api.letter.ApproveLetterCommand;
import org.saraban.api.letter.CompleteRouteCommand;
import org.saraban.api.letter.CreateDraftLetterCommand;
import org.saraban.api.letter.DeliverLetterCommand;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.EditDraftLetterCommand;
import org.saraban.api.letter.FileLetterCommand;
import org.saraban.api.letter.LetterApprovalInvalidatedEvent;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterNumberedEvent;
import org.saraban.api.letter.LetterPdfRecordedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterReturnedEvent;
import org.saraban.api.letter.LetterRoutedEvent;
import org.saraban.api.letter.LetterRules;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterStatus;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.LetterVerifiedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RecordAcknowledgementCommand;
import org.saraban.api.letter.RecordDeliveryCommand;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.ReturnLetterCommand;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;
import org.saraban.api.letter.RouteLetterCommand;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.SubmitLetterCommand;
import org.saraban.api.register.RegisterBookId;
import org.saraban.command.letter.LetterDocuments.LetterOfRecord;

/**
 * An official letter as one agency holds it. The sender's letter ({@link Direction#OUTGOING}) and each
 * recipient agency's received copy ({@link Direction#INCOMING}) are distinct instances linked by ids
 * (DESIGN.md §3), so that no agency's actions ever touch another agency's record.
 */
@Aggregate(cache = "aggregateCache")
class Letter {

    enum Direction { OUTGOING, INCOMING }

    enum RouteState { OPEN, ACKNOWLEDGED, COMPLETED }

    record Route(String routeId, String toUnitCode, PersonRef toPerson, RouteState state) {
    }

    /**
     * What approving involves: for a kind the agency signs digitally, a PDF of record (and the number from
     * {@code book}, when the kind has a register) is made now (ADR 0006).
     */
    record ApprovalPlan(boolean digital, RegisterBookId book) {
    }

    /** A number to void in its register book. */
    record Voiding(RegisterBookId book, long registerNumber) {
    }

    /** Filing a letter keeps it for at least this many years unless the clerk says otherwise (DOMAIN.md §1.9). */
    static final int DEFAULT_RETENTION_YEARS = 10;

    @AggregateIdentifier
    private String letterId;
    private Direction direction;
    private String agencyCode;
    private String agencyName;
    private String ownerUnitCode;
    private PersonRef author;
    private LetterContent content;
    private LetterStatus status;
    private PersonRef approver;
    private String approvedHash;
    private List<PersonRef> signers = new ArrayList<>();
    private RegisterBookType book;
    private Integer yearBE;
    private Long registerNumber;
    private String number;
    /** The date printed on the letter, once numbered. */
    private Instant letterDate;
    /** Numbered at approval (a digitally signed kind): dispatch sends with this number and issues none. */
    private boolean numberedAtApproval;
    /** SHA-256 of the current revision of the PDF of record; null for a letter without one. */
    private String pdfSha256;
    private Set<String> deliveredTo = new LinkedHashSet<>();
    private Set<String> acknowledgedBy = new LinkedHashSet<>();
    private String sourceLetterId;
    private List<Recipient> addressees = new ArrayList<>();
    private Map<String, Route> routes = new LinkedHashMap<>();
    private boolean filed;

    Letter() {
        // for Axon
    }

    // ------------------------------------------------------------------ drafting (outgoing)

    @CommandHandler
    Letter(CreateDraftLetterCommand c) {
        Permissions.require(c.actor(), "draft a letter", Role.OFFICER, Role.CLERK);
        checkContent(c.content(), c.actor());
        apply(new DraftLetterCreatedEvent(c.letterId(), c.actor().agencyCode(), c.agencyName(), c.actor().unitCode(),
                c.actor().ref(), c.content(), c.at()));
    }

    /**
     * The author edits a draft or a returned letter; an approved or signed letter not yet dispatched may be
     * edited too, which invalidates its approval and signatures (and voids a number issued at approval:
     * returned for the caller to void).
     */
    Voiding edit(EditDraftLetterCommand c) {
        requireOutgoingVisible(c.actor());
        requireAuthor(c.actor(), "edit");
        boolean approved = status == LetterStatus.APPROVED || status == LetterStatus.SIGNED;
        if (status != LetterStatus.DRAFT && status != LetterStatus.RETURNED && !approved) {
            throw LetterException.conflict("LETTER_NOT_EDITABLE",
                    "a letter can be edited only until it is dispatched, is " + status);
        }
        checkContent(c.content(), c.actor());
        Voiding voiding = numberedAtApproval
                ? new Voiding(new RegisterBookId(agencyCode, book, yearBE), registerNumber) : null;
        if (approved) {
            apply(new LetterApprovalInvalidatedEvent(letterId, c.actor().ref(), "แก้ไขหนังสือหลังอนุมัติ",
                    voiding == null ? null : number, c.at()));
        }
        apply(new DraftLetterEditedEvent(letterId, c.actor().ref(), c.content(), c.at()));
        return voiding;
    }

    @CommandHandler
    void handle(SubmitLetterCommand c) {
        requireOutgoingVisible(c.actor());
        requireAuthor(c.actor(), "submit");
        if (status != LetterStatus.DRAFT && status != LetterStatus.RETURNED) {
            throw LetterException.conflict("LETTER_NOT_A_DRAFT", "only a draft can be submitted, is " + status);
        }
        if (c.approver() == null || !agencyCode.equals(c.approver().agencyCode())) {
            throw new InvalidFieldsException("APPROVER_INVALID",
                    List.of(new FieldError("approverId", "must be an approver of the sending agency")));
        }
        apply(new LetterSubmittedEvent(letterId, c.actor().ref(), c.approver(), c.at()));
    }

    /** Checks that the actor may approve now and says whether a PDF of record and a number come with it. */
    ApprovalPlan planApproval(Actor actor, Set<LetterKind> signatureRequired, Instant at) {
        requireOutgoingVisible(actor);
        requireDesignatedApprover(actor);
        boolean digital = signatureRequired.contains(content.kind()) && content.signatory() != null;
        RegisterBookType type = digital ? content.kind().book(content.circular()) : null;
        return new ApprovalPlan(digital, type == null ? null : new RegisterBookId(agencyCode, type,
                ThaiText.buddhistYear(at)));
    }

    /** Approves; returns what the PDF of record prints when the plan is digital, else null. */
    LetterOfRecord approve(Actor actor, String comment, ApprovalPlan plan, Long issued, Instant at) {
        apply(new LetterApprovedEvent(letterId, actor.ref(), comment, ContentHash.of(content), at));
        if (plan.book() != null) {
            apply(new LetterNumberedEvent(letterId, agencyCode, agencyName, actor.ref(), plan.book().book(),
                    plan.book().yearBE(), issued,
                    LetterNumbers.format(plan.book(), issued, agencyCode, ownerUnitCode), content, at));
        }
        return plan.digital() ? new LetterOfRecord(letterId, agencyCode, agencyName, content, number, at) : null;
    }

    boolean approverSigns() {
        return approver != null && content.signatory() != null && approver.id().equals(content.signatory().id());
    }

    /** A new revision of the PDF of record, already stored by the caller. */
    /** The PDF of record of a filed letter, for re-timestamping; a letter not filed or without one is refused. */
    String filedPdfOfRecord() {
        if (!filed || pdfSha256 == null) {
            throw LetterException.conflict("LETTER_NOT_ARCHIVED", "only a filed letter with a PDF of record is re-timestamped");
        }
        return pdfSha256;
    }

    void recordPdf(PdfStep step, String sha256, PersonRef by, Instant at) {
        apply(new LetterPdfRecordedEvent(letterId, step, sha256, pdfSha256, by, at));
    }

    String pdfOfRecord() {
        return pdfSha256;
    }

    /** What the PDF of record prints: the approved content with the number and date issued at approval. */
    LetterOfRecord ofRecord() {
        return new LetterOfRecord(letterId, agencyCode, agencyName, content, number, letterDate);
    }

    @CommandHandler
    void handle(ReturnLetterCommand c) {
        requireOutgoingVisible(c.actor());
        requireDesignatedApprover(c.actor());
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidFieldsException("REASON_REQUIRED", List.of(new FieldError("reason", "required")));
        }
        apply(new LetterReturnedEvent(letterId, c.actor().ref(), c.reason(), c.at()));
    }

    /**
     * Checks that the actor may sign now; returns the PDF of record to sign (null: the letter is signed by
     * typed name, ระเบียบ ฉบับที่ ๔).
     */
    String planSigning(Actor actor) {
        requireOutgoingVisible(actor);
        Permissions.require(actor, "sign", Role.SIGNER);
        if (content.signatory() == null || !content.signatory().id().equals(actor.personId())) {
            throw LetterException.forbidden("NOT_THE_SIGNATORY", "only the letter's signatory may sign it");
        }
        if (status == LetterStatus.SIGNED || (status != LetterStatus.APPROVED && !signers.isEmpty())) {
            throw LetterException.conflict("LETTER_ALREADY_SIGNED", "the letter is signed already");
        }
        if (status != LetterStatus.APPROVED) {
            throw LetterException.conflict("LETTER_NOT_APPROVED", "only an approved letter can be signed, is " + status);
        }
        String hash = ContentHash.of(content);
        if (!hash.equals(approvedHash)) {
            // the signed bytes must be exactly what was approved (DOMAIN.md §9 "Signing")
            throw LetterException.conflict("CONTENT_CHANGED_SINCE_APPROVAL", "content differs from what was approved");
        }
        return pdfSha256;
    }

    /** Signs: by typed name, or (with {@code signedPdf}, already stored) with a PAdES signature. */
    void sign(Actor actor, String signedPdf, Instant at) {
        apply(new LetterSignedEvent(letterId, actor.ref(), signedPdf == null ? "TYPED_NAME" : "PADES",
                actor.assurance() == null ? "PASSWORD" : actor.assurance(), approvedHash, at));
        if (signedPdf != null) {
            recordPdf(PdfStep.SIGNATURE, signedPdf, actor.ref(), at);
        }
    }

    // ------------------------------------------------------------------ dispatch (called by LetterDispatcher)

    /** Checks that the actor may dispatch now and names the book that issues the number (null: none). */
    RegisterBookId planDispatch(Actor actor, Instant at) {
        requireOutgoingVisible(actor);
        Permissions.require(actor, "dispatch", Role.CLERK);
        if (status == LetterStatus.DISPATCHED || status == LetterStatus.FILED || status == LetterStatus.CANCELLED) {
            throw LetterException.conflict("LETTER_ALREADY_DISPATCHED", "the letter was dispatched already");
        }
        boolean signatureNeeded = content.signatory() != null;
        if (signatureNeeded ? status != LetterStatus.SIGNED : status != LetterStatus.APPROVED) {
            throw LetterException.conflict(signatureNeeded ? "LETTER_NOT_SIGNED" : "LETTER_NOT_APPROVED",
                    "a letter is dispatched only once " + (signatureNeeded ? "signed" : "approved") + ", is " + status);
        }
        if (content.kind().addressed() && content.to().isEmpty()) {
            throw LetterException.conflict("LETTER_HAS_NO_RECIPIENT", "an addressed letter needs a recipient");
        }
        if (numberedAtApproval) {
            return null; // ออกเลข happened at approval: the PDF of record prints it
        }
        RegisterBookType type = content.kind().book(content.circular());
        return type == null ? null : new RegisterBookId(agencyCode, type, ThaiText.buddhistYear(at));
    }

    /** Sends with the number issued now ({@code bookId}, {@code issued}) or, if numbered at approval, that one. */
    void dispatch(Actor actor, RegisterBookId bookId, Long issued, Instant at) {
        if (numberedAtApproval) {
            bookId = new RegisterBookId(agencyCode, book, yearBE);
            issued = registerNumber;
        }
        String printed = numberedAtApproval ? number
                : bookId == null ? null : LetterNumbers.format(bookId, issued, agencyCode, ownerUnitCode);
        List<LetterDispatchedEvent.Dispatch> deliveries = new ArrayList<>();
        boolean mostSecret = content.secrecy() == Secrecy.MOST_SECRET;
        for (Recipient r : content.to()) {
            deliveries.add(dispatchTo(r, false, mostSecret));
        }
        for (Recipient r : content.copiesTo()) {
            deliveries.add(dispatchTo(r, true, mostSecret));
        }
        apply(new LetterDispatchedEvent(letterId, agencyCode, agencyName, actor.ref(),
                bookId == null ? null : bookId.book(), bookId == null ? null : bookId.yearBE(), issued, printed,
                deliveries, content, List.copyOf(signers), at, numberedAtApproval ? letterDate : at, pdfSha256));
    }

    private LetterDispatchedEvent.Dispatch dispatchTo(Recipient r, boolean copyOnly, boolean mostSecret) {
        // ลับที่สุด never travels electronically (No.4 ข้อ ๒๙): the dispatch is recorded, delivery is by hand
        if (!r.inSystem() || mostSecret) {
            return new LetterDispatchedEvent.Dispatch(r, copyOnly, DeliveryMethod.OUT_OF_BAND, null);
        }
        return new LetterDispatchedEvent.Dispatch(r, copyOnly, DeliveryMethod.ELECTRONIC,
                CopyIds.copyId(letterId, r.agencyCode()));
    }

    /**
     * Cancels a dispatched letter, or one numbered at approval and not yet sent. Returns the book of the number
     * to void, or null when the letter had none.
     */
    RegisterBookId cancel(Actor actor, String reason, Instant at) {
        requireOutgoingVisible(actor);
        Permissions.require(actor, "cancel", Role.CLERK);
        boolean numberedUnsent = numberedAtApproval
                && (status == LetterStatus.APPROVED || status == LetterStatus.SIGNED);
        if (status != LetterStatus.DISPATCHED && !numberedUnsent) {
            throw LetterException.conflict("LETTER_NOT_DISPATCHED",
                    "only a dispatched or numbered letter can be cancelled, is " + status);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldsException("REASON_REQUIRED", List.of(new FieldError("reason", "required")));
        }
        apply(new LetterCancelledEvent(letterId, actor.ref(), reason, at));
        return book == null ? null : new RegisterBookId(agencyCode, book, yearBE);
    }

    Long registerNumber() {
        return registerNumber;
    }

    String number() {
        return number;
    }

    @CommandHandler
    void handle(RecordDeliveryCommand c) {
        if (direction != Direction.OUTGOING || deliveredTo.contains(c.recipientAgencyCode())) {
            return; // the delivery policy may report twice after a restart: once is recorded
        }
        apply(new LetterDeliveryRecordedEvent(letterId, c.recipientAgencyCode(), c.copyId(), c.at()));
    }

    @CommandHandler
    void handle(RecordAcknowledgementCommand c) {
        if (direction != Direction.OUTGOING || acknowledgedBy.contains(c.recipientAgencyCode())) {
            return;
        }
        apply(new LetterAcknowledgedEvent(letterId, c.recipientAgencyCode(), c.copyId(), c.receivingNumber(),
                c.receivedBy(), c.at()));
    }

    // ------------------------------------------------------------------ received copies

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeliverLetterCommand c) {
        if (letterId != null) {
            return; // delivered before: exactly one copy per recipient agency
        }
        apply(new LetterDeliveredEvent(c.copyId(), c.sourceLetterId(), c.fromAgencyCode(), c.fromAgencyName(),
                c.agencyCode(), c.addressees(), c.copyOnly(), c.content(), c.number(), c.letterDate(), c.signedBy(),
                c.at(), c.pdfSha256()));
    }

    /** Checks that the actor may receive this copy now and names the received book. */
    RegisterBookId planReceipt(Actor actor, Instant at) {
        requireIncomingVisible(actor);
        Permissions.require(actor, "receive", Role.CLERK);
        if (status != LetterStatus.DELIVERED) {
            throw LetterException.conflict("LETTER_ALREADY_RECEIVED", "the letter was received already");
        }
        return new RegisterBookId(agencyCode, RegisterBookType.RECEIVED, ThaiText.buddhistYear(at));
    }

    void receive(Actor actor, RegisterBookId bookId, long issued, Instant at) {
        apply(new LetterReceivedEvent(letterId, sourceLetterId, agencyCode, actor.ref(), bookId.yearBE(), issued,
                ThaiText.thaiDigits(issued), at));
    }

    /** The verification of the delivered PDF of record, whatever it found. */
    void recordVerification(String verifiedPdf, DocumentVerification verification, Actor actor, Instant at) {
        apply(new LetterVerifiedEvent(letterId, verifiedPdf, verification, actor.ref(), at));
    }

    static Letter importPaper(PaperLetterImportedEvent imported) {
        Letter letter = new Letter();
        apply(imported);
        return letter;
    }

    @CommandHandler
    void handle(RouteLetterCommand c) {
        requireIncomingVisible(c.actor());
        boolean routedToActor = routes.values().stream().anyMatch(r -> r.state() != RouteState.COMPLETED
                && isTarget(r, c.actor()));
        if (!routedToActor) {
            Permissions.require(c.actor(), "route", Role.CLERK, Role.APPROVER, Role.SIGNER);
        }
        if (status == LetterStatus.DELIVERED) {
            throw LetterException.conflict("LETTER_NOT_RECEIVED", "a letter is routed only after it is received");
        }
        if (filed) {
            throw LetterException.conflict("LETTER_ALREADY_FILED", "the letter is filed");
        }
        List<FieldError> errors = new ArrayList<>();
        if ((c.toUnitCode() == null) == (c.toPerson() == null)) {
            errors.add(new FieldError("toUnit", "give exactly one of toUnit or toPerson"));
        }
        if (c.toPerson() != null && !agencyCode.equals(c.toPerson().agencyCode())) {
            errors.add(new FieldError("toPerson", "must be a person of the receiving agency"));
        }
        if (c.instruction() == null || c.instruction().isBlank()) {
            errors.add(new FieldError("instruction", "required"));
        } else if (c.instruction().length() > 4000) {
            errors.add(new FieldError("instruction", "at most 4000 characters"));
        }
        if (c.dueDate() != null && c.dueDate().isBefore(LocalDate.ofInstant(c.at(), ThaiText.BANGKOK))) {
            errors.add(new FieldError("dueDate", "must not be in the past"));
        }
        if (routes.containsKey(c.routeId())) {
            errors.add(new FieldError("routeId", "already used"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("ROUTE_INVALID", errors);
        }
        apply(new LetterRoutedEvent(letterId, c.routeId(), c.actor().ref(), c.toUnitCode(), c.toUnitName(),
                c.toPerson(), c.instruction(), c.dueDate(), c.at()));
    }

    /**
     * A named grant to see a secret letter: by the agency's clerk (who registers secret letters) or an approver,
     * to a person of the same agency. A letter that is not secret needs none.
     */
    @CommandHandler
    void handle(org.saraban.api.letter.GrantSecretAccessCommand c) {
        if (!agencyCode.equals(c.actor().agencyCode())) {
            throw LetterException.notFound(letterId);
        }
        Permissions.require(c.actor(), "grant access to a secret letter", Role.CLERK, Role.APPROVER);
        if (content == null || content.secrecy() == null || content.secrecy() == org.saraban.api.letter.Secrecy.NONE) {
            throw LetterException.conflict("LETTER_NOT_SECRET", "only a secret letter is seen by named grant");
        }
        if (c.grantee() == null || c.grantee().id() == null || !agencyCode.equals(c.grantee().agencyCode())) {
            throw new InvalidFieldsException("GRANTEE_INVALID", List.of(new FieldError("personId",
                    "a person of this agency")));
        }
        apply(new org.saraban.api.letter.SecretAccessGrantedEvent(letterId, c.grantee(), c.reason(), c.actor().ref(),
                c.at()));
    }

    @CommandHandler
    void handle(AcknowledgeRouteCommand c) {
        requireIncomingVisible(c.actor());
        Route route = routeFor(c.routeId(), c.actor());
        if (route.state() != RouteState.OPEN) {
            throw LetterException.conflict("ROUTE_ALREADY_ACKNOWLEDGED", "the route was acknowledged already");
        }
        apply(new RouteAcknowledgedEvent(letterId, c.routeId(), c.actor().ref(), c.at()));
    }

    @CommandHandler
    void handle(CompleteRouteCommand c) {
        requireIncomingVisible(c.actor());
        Route route = routeFor(c.routeId(), c.actor());
        if (route.state() == RouteState.COMPLETED) {
            throw LetterException.conflict("ROUTE_ALREADY_COMPLETED", "the route was completed already");
        }
        apply(new RouteCompletedEvent(letterId, c.routeId(), c.actor().ref(), c.note(), c.at()));
    }

    private Route routeFor(String routeId, Actor actor) {
        Route route = routes.get(routeId);
        if (route == null) {
            throw new LetterException("ROUTE_NOT_FOUND", LetterException.Kind.NOT_FOUND, "no route " + routeId);
        }
        if (!isTarget(route, actor)) {
            throw LetterException.forbidden("NOT_ROUTED_TO_YOU", "only the person or unit routed to may act on it");
        }
        return route;
    }

    private static boolean isTarget(Route r, Actor actor) {
        return r.toPerson() != null ? r.toPerson().id().equals(actor.personId())
                : Objects.equals(r.toUnitCode(), actor.unitCode());
    }

    // ------------------------------------------------------------------ filing (both directions)

    /** Checks that the actor may file now; returns the PDF of record to preserve (null: none). */
    String planFiling(FileLetterCommand c) {
        if (direction == Direction.OUTGOING) {
            requireOutgoingVisible(c.actor());
        } else {
            requireIncomingVisible(c.actor());
        }
        Permissions.require(c.actor(), "file", Role.CLERK, Role.RECORDS_OFFICER);
        if (filed) {
            throw LetterException.conflict("LETTER_ALREADY_FILED", "the letter is filed already");
        }
        boolean finished = direction == Direction.OUTGOING
                ? status == LetterStatus.DISPATCHED || status == LetterStatus.CANCELLED
                : status == LetterStatus.RECEIVED;
        if (!finished) {
            throw LetterException.conflict("LETTER_NOT_FINISHED",
                    "only a dispatched or received letter can be filed, is " + status);
        }
        if (routes.values().stream().anyMatch(r -> r.state() != RouteState.COMPLETED)) {
            // ระเบียบสารบรรณ ข้อ ๕๓: filing follows the completion of the work
            throw LetterException.conflict("LETTER_HAS_OPEN_ROUTES", "routes are still open on this letter");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c.fileCode() == null || c.fileCode().isBlank()) {
            errors.add(new FieldError("fileCode", "required"));
        } else if (c.fileCode().length() > 100) {
            errors.add(new FieldError("fileCode", "at most 100 characters"));
        }
        if (c.permanent() && c.retentionYears() != null) {
            errors.add(new FieldError("retentionYears", "give retentionYears or permanent, not both"));
        }
        if (c.retentionYears() != null && (c.retentionYears() < 1 || c.retentionYears() > 100)) {
            errors.add(new FieldError("retentionYears", "must be between 1 and 100"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("FILING_INVALID", errors);
        }
        return pdfSha256;
    }

    void file(FileLetterCommand c) {
        Integer years = c.permanent() ? null : (c.retentionYears() == null ? DEFAULT_RETENTION_YEARS : c.retentionYears());
        Integer keepUntil = years == null ? null : ThaiText.buddhistYear(c.at()) + years;
        apply(new LetterFiledEvent(letterId, c.actor().ref(), c.fileCode().trim(), years, c.permanent(), keepUntil,
                c.at()));
    }

    // ------------------------------------------------------------------ checks

    private void checkContent(LetterContent content, Actor actor) {
        List<FieldError> errors = new ArrayList<>(LetterRules.check(content));
        if (content.signatory() != null && !actor.agencyCode().equals(content.signatory().agencyCode())) {
            errors.add(new FieldError("signatory", "must be a person of the sending agency"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("LETTER_FIELDS_INVALID", errors);
        }
    }

    /** Another agency's letter does not exist for the caller (API.md: never reveal that it exists). */
    private void requireOutgoingVisible(Actor actor) {
        if (direction != Direction.OUTGOING || !agencyCode.equals(actor.agencyCode())) {
            throw LetterException.notFound(letterId);
        }
    }

    private void requireIncomingVisible(Actor actor) {
        if (direction != Direction.INCOMING || !agencyCode.equals(actor.agencyCode())) {
            throw LetterException.notFound(letterId);
        }
    }

    private void requireAuthor(Actor actor, String what) {
        if (!author.id().equals(actor.personId())) {
            throw LetterException.forbidden("NOT_THE_AUTHOR", "only the author may " + what + " the draft");
        }
    }

    private void requireDesignatedApprover(Actor actor) {
        Permissions.require(actor, "approve", Role.APPROVER);
        if (approver == null || !approver.id().equals(actor.personId())) {
            throw LetterException.forbidden("NOT_THE_APPROVER", "only the approver the draft was submitted to may decide");
        }
        if (status != LetterStatus.PENDING_APPROVAL) {
            throw LetterException.conflict("LETTER_NOT_PENDING_APPROVAL", "the letter is not awaiting approval, is " + status);
        }
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(DraftLetterCreatedEvent e) {
        letterId = e.letterId();
        direction = Direction.OUTGOING;
        agencyCode = e.agencyCode();
        agencyName = e.agencyName();
        ownerUnitCode = e.ownerUnitCode();
        author = e.author();
        content = e.content();
        status = LetterStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(DraftLetterEditedEvent e) {
        content = e.content();
    }

    @EventSourcingHandler
    void on(LetterSubmittedEvent e) {
        approver = e.approver();
        status = LetterStatus.PENDING_APPROVAL;
    }

    @EventSourcingHandler
    void on(LetterApprovedEvent e) {
        approvedHash = e.contentHash();
        status = LetterStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(LetterNumberedEvent e) {
        book = e.book();
        yearBE = e.yearBE();
        registerNumber = e.registerNumber();
        number = e.number();
        letterDate = e.at();
        numberedAtApproval = true;
    }

    @EventSourcingHandler
    void on(LetterPdfRecordedEvent e) {
        pdfSha256 = e.sha256();
        if (e.step() == PdfStep.RENDERED && letterDate == null) {
            letterDate = e.at(); // a kind without a register: dated at approval all the same
        }
    }

    @EventSourcingHandler
    void on(LetterApprovalInvalidatedEvent e) {
        status = LetterStatus.DRAFT;
        approvedHash = null;
        signers.clear();
        pdfSha256 = null;
        book = null;
        yearBE = null;
        registerNumber = null;
        number = null;
        letterDate = null;
        numberedAtApproval = false;
    }

    @EventSourcingHandler
    void on(LetterReturnedEvent e) {
        status = LetterStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(LetterSignedEvent e) {
        signers.add(e.signer());
        status = LetterStatus.SIGNED;
    }

    @EventSourcingHandler
    void on(LetterDispatchedEvent e) {
        book = e.book();
        yearBE = e.yearBE();
        registerNumber = e.registerNumber();
        number = e.number();
        status = LetterStatus.DISPATCHED;
    }

    @EventSourcingHandler
    void on(LetterCancelledEvent e) {
        status = LetterStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(LetterDeliveryRecordedEvent e) {
        deliveredTo.add(e.recipientAgencyCode());
    }

    @EventSourcingHandler
    void on(LetterAcknowledgedEvent e) {
        acknowledgedBy.add(e.recipientAgencyCode());
    }

    @EventSourcingHandler
    void on(LetterDeliveredEvent e) {
        letterId = e.copyId();
        direction = Direction.INCOMING;
        agencyCode = e.agencyCode();
        sourceLetterId = e.sourceLetterId();
        addressees = new ArrayList<>(e.addressees());
        content = e.content();
        number = e.number();
        pdfSha256 = e.pdfSha256();
        status = LetterStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(PaperLetterImportedEvent e) {
        letterId = e.copyId();
        direction = Direction.INCOMING;
        agencyCode = e.agencyCode();
        addressees = new ArrayList<>(e.letter().to());
        number = e.letter().number();
        status = LetterStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(LetterReceivedEvent e) {
        registerNumber = e.registerNumber();
        yearBE = e.yearBE();
        book = RegisterBookType.RECEIVED;
        status = LetterStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(LetterRoutedEvent e) {
        routes.put(e.routeId(), new Route(e.routeId(), e.toUnitCode(), e.toPerson(), RouteState.OPEN));
    }

    @EventSourcingHandler
    void on(RouteAcknowledgedEvent e) {
        routes.computeIfPresent(e.routeId(), (k, r) -> new Route(k, r.toUnitCode(), r.toPerson(), RouteState.ACKNOWLEDGED));
    }

    @EventSourcingHandler
    void on(RouteCompletedEvent e) {
        routes.computeIfPresent(e.routeId(), (k, r) -> new Route(k, r.toUnitCode(), r.toPerson(), RouteState.COMPLETED));
    }

    @EventSourcingHandler
    void on(LetterFiledEvent e) {
        filed = true;
        status = LetterStatus.FILED;
    }
}
