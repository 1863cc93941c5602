package org.saraban.command.letter;

import java.time.Instant;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.letter.CancelLetterCommand;
import org.saraban.api.letter.DispatchLetterCommand;
import org.saraban.api.letter.ImportPaperLetterCommand;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.ReceiveLetterCommand;
import org.saraban.api.register.IssueNumberCommand;
import org.saraban.api.register.RegisterBookId;
import org.saraban.api.register.VoidNumberCommand;
import org.saraban.command.register.RegisterBook;

/**
 * Commands that change a letter and a register book in one unit of work: the number is issued in the
 * same commit that dispatches or receives the letter, so a number is never issued without its letter.
 */
public class LetterDispatcher {

    private final Repository<Letter> letters;
    private final Repository<RegisterBook> books;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public LetterDispatcher(Repository<?> letterRepository, Repository<RegisterBook> registerBookRepository) {
        this.letters = (Repository) letterRepository;
        this.books = registerBookRepository;
    }

    @CommandHandler
    public Map<String, Object> handle(DispatchLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.planDispatch(c.actor(), c.at()));
        Long issued = bookId == null ? null : issue(bookId, c.letterId(), c.actor(), c.at());
        letter.execute(l -> l.dispatch(c.actor(), bookId, issued, c.at()));
        return issued == null ? Map.of() : Map.of("registerNumber", issued);
    }

    @CommandHandler
    public void handle(CancelLetterCommand c) {
        Aggregate<Letter> letter = load(c.letterId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.cancel(c.actor(), c.reason(), c.at()));
        Long n = letter.invoke(Letter::registerNumber);
        if (bookId != null && n != null) {
            books.load(bookId.value()).execute(b -> b.handle(
                    new VoidNumberCommand(bookId.value(), n, c.letterId(), c.actor().ref(), c.reason(), c.at())));
        }
    }

    @CommandHandler
    public Map<String, Object> handle(ReceiveLetterCommand c) {
        Aggregate<Letter> letter = load(c.copyId(), c.expectedVersion());
        RegisterBookId bookId = letter.invoke(l -> l.planReceipt(c.actor(), c.at()));
        long issued = issue(bookId, c.copyId(), c.actor(), c.at());
        letter.execute(l -> l.receive(c.actor(), bookId, issued, c.at()));
        return Map.of("registerNumber", issued);
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
