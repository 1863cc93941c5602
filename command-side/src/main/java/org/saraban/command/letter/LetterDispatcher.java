package org.saraban.command.letter;

import java.time.Instant;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.ApproveLetterCommand;
import org.saraban.api.letter.CancelLetterCommand;
import org.saraban.api.letter.DispatchLetterCommand;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.EditDraftLetterCommand;
import org.saraban.api.letter.FileLetterCommand;
import org.saraban.api.letter.ImportPaperLetterCommand;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.letter.ReceiveLetterCommand;
import org.saraban.api.letter.SignLetterCommand;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.RegisterBookId;
import org.saraban.api.register.VoidNumberCommand;
import org.saraban.command.register.RegisterBook;

/**
 * Commands that change a letter together with a register book or its PDF of record, in one unit of work:
 * the number is issued in the same commit that approves, dispatches or receives the letter, so a number is
 * never issued without its letter; each PDF revision is stored before the event that names it.
 */
public class LetterDispatcher {

    private final Repository<Letter> letters;
    private final Repository<RegisterBook> books;
    private final LetterDocuments documents;

    public LetterDispatcher(Repository<?> letterRepository, Repository<RegisterBook> registerBookRepository) {
        this(letterRepository, registerBookRepository, LetterDocuments.NONE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public LetterDispatcher(Repository<?> letterRepository, Repository<RegisterBook> registerBookRepository,
                            LetterDocuments documents) {
        this.letters = (Repository) letterRepository;
        this.books = registerBookRepository;
        this.documents = documents;
    }

    /** An edit after approval invalidates it: the number issued at approval, if any, is voided with it. */
    @CommandHandler
    public void handle(EditDraftLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        Letter.Voiding voiding = letter.invoke(l -> l.edit(c));
        if (voiding != null) {
            voidNumber(voiding.book(), voiding.registerNumber(), c.letterId(), c.actor(),
                    "แก้ไขหนังสือหลังอนุมัติ", c.at());
        }
    }

    /**
     * Approves; for a kind the agency signs digitally also issues the number, renders the PDF of record and
     * adds the approver's visa (unless the approver is the signatory, whose signature follows).
     */
    @CommandHandler
    public Map<String, Object> handle(ApproveLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        Letter.ApprovalPlan plan = letter.invoke(l -> l.planApproval(c.actor(), c.signatureRequired(), c.at()));
        Long issued = plan.book() == null ? null : issue(plan.book(), c.letterId(), c.actor(), c.at());
        LetterDocuments.LetterOfRecord record = letter.invoke(l -> l.approve(c.actor(), c.comment(), plan, issued,
                c.at()));
        if (record != null) {
            String rendered = documents.render(record);
            letter.execute(l -> l.recordPdf(PdfStep.RENDERED, rendered, c.actor().ref(), c.at()));
            if (!letter.invoke(Letter::approverSigns)) {
                String visa = documents.sign(rendered, record, c.actor().ref(), PdfStep.VISA, c.at());
                letter.execute(l -> l.recordPdf(PdfStep.VISA, visa, c.actor().ref(), c.at()));
            }
        }
        return issued == null ? Map.of() : Map.of("registerNumber", issued);
    }

    /** The signatory signs: a PAdES signature on the PDF of record, or the typed name where there is none. */
    @CommandHandler
    public void handle(SignLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        String pdf = letter.invoke(l -> l.planSigning(c.actor()));
        if (c.externallySignedPdf() != null && (pdf == null || !pdf.equals(c.preparedFrom()))) {
            // prepared on another revision (or on none): the signature would not cover the letter of record
            throw LetterException.conflict("PDF_CHANGED_SINCE_PREPARED",
                    "the PDF of record is not the one the signature was prepared on");
        }
        String signed = pdf == null ? null : c.externallySignedPdf() != null ? c.externallySignedPdf()
                : documents.sign(pdf, letter.invoke(Letter::ofRecord), c.actor().ref(), PdfStep.SIGNATURE, c.at());
        letter.execute(l -> l.sign(c.actor(), signed, c.at()));
    }

    @CommandHandler
    public Map<String, Object> handle(DispatchLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.planDispatch(c.actor(), c.at()));
        Long issued = bookId == null ? null : issue(bookId, c.letterId(), c.actor(), c.at());
        letter.execute(l -> l.dispatch(c.actor(), bookId, issued, c.at()));
        Long number = letter.invoke(Letter::registerNumber);
        return number == null ? Map.of() : Map.of("registerNumber", number);
    }

    @CommandHandler
    public void handle(CancelLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.cancel(c.actor(), c.reason(), c.at()));
        Long n = letter.invoke(Letter::registerNumber);
        if (bookId != null && n != null) {
            voidNumber(bookId, n, c.letterId(), c.actor(), c.reason(), c.at());
        }
    }

    private void voidNumber(RegisterBookId bookId, long n, String letterId, Actor actor, String reason, Instant at) {
        books.load(bookId.value()).execute(b -> b.handle(
                new VoidNumberCommand(bookId.value(), n, letterId, actor.ref(), reason, at)));
    }

    @CommandHandler
    public Map<String, Object> handle(ReceiveLetterCommand c) {
        Aggregate<Letter> letter = load(c.copyId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.planReceipt(c.actor(), c.at()));
        long issued = issue(bookId, c.copyId(), c.actor(), c.at());
        letter.execute(l -> l.receive(c.actor(), bookId, issued, c.at()));
        String pdf = letter.invoke(Letter::pdfOfRecord);
        if (pdf != null) {
            // the delivered PDF is verified as it is received, and the stamp is added to the verified bytes
            DocumentVerification verification = documents.verify(pdf);
            letter.execute(l -> l.recordVerification(pdf, verification, c.actor(), c.at()));
            String stamped = documents.stampReceipt(pdf, new LetterDocuments.Receipt(c.actor().agencyCode(),
                    ThaiText.thaiDigits(issued), c.at()));
            letter.execute(l -> l.recordPdf(PdfStep.RECEIPT_STAMP, stamped, c.actor().ref(), c.at()));
        }
        return Map.of("registerNumber", issued);
    }

    /** Files; a letter with a PDF of record is preserved first: validation data and a document timestamp. */
    @CommandHandler
    public void handle(FileLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        String pdf = letter.invoke(l -> l.planFiling(c));
        if (pdf != null) {
            String preserved = documents.preserve(pdf);
            letter.execute(l -> l.recordPdf(PdfStep.PRESERVED, preserved, c.actor().ref(), c.at()));
        }
        letter.execute(l -> l.file(c));
    }

    /** Re-timestamps the PDF of record of a filed letter (a new revision; every earlier signature stays valid). */
    @CommandHandler
    public String handle(org.saraban.api.letter.RetimestampLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), null);
        String pdf = letter.invoke(Letter::filedPdfOfRecord);
        String renewed = documents.retimestamp(pdf);
        letter.execute(l -> l.recordPdf(PdfStep.RETIMESTAMPED, renewed, c.by(), c.at()));
        return renewed;
    }

    /** A paper letter enters the receiving register at once: imported and received in one commit. */
    @CommandHandler
    public Map<String, Object> handle(ImportPaperLetterCommand c) throws Exception {
        Permissions.require(c.actor(), "register an incoming letter", Role.CLERK);
        Aggregate<Letter> letter = letters.newInstance(() -> Letter.importPaper(new PaperLetterImportedEvent(
                c.copyId(), c.actor().agencyCode(), c.actor().ref(), c.letter(), c.scanSha256(), c.at())));
        RegisterBookId bookId = letter.invoke(l -> l.planReceipt(c.actor(), c.at()));
        long issued = issue(bookId, c.copyId(), c.actor(), c.at());
        letter.execute(l -> l.receive(c.actor(), bookId, issued, c.at()));
        return Map.of("registerNumber", issued);
    }

    private Aggregate<Letter> load(String id, Long expectedVersion) {
        try {
            return letters.load(id, expectedVersion);
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            throw LetterException.notFound(id);
        }
    }

    private long issue(RegisterBookId bookId, String letterId, Actor actor, Instant at) {
        Aggregate<RegisterBook> book;
        try {
            book = books.loadOrCreate(bookId.value(), RegisterBook::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("register book " + bookId.value() + " unavailable", e);
        }
        return book.invoke(b -> b.handle(new IssueNumberCommand(bookId.value(), bookId, letterId, actor.ref(), at)));
    }
}
