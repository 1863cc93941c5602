package org.saraban.query.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;

/**
 * The loan cards as their people see them: the lending agency's records officers, clerks and heads see all of
 * the agency's loans; a borrower sees their own (from any agency); nobody else sees any.
 */
public class Loans {

    private final PositionedStore loans;

    public Loans(com.mongodb.client.MongoDatabase db) {
        this.loans = new PositionedStore(db.getCollection(LoanProjection.LOANS));
    }

    public Optional<Document> find(String id, Actor actor) {
        Document d = loans.get(id);
        if (d == null || !visible(d, actor)) {
            return Optional.empty();
        }
        return Optional.of(clean(d));
    }

    /** The loans the caller may see, newest first; {@code status} and {@code overdue} narrow them. */
    public List<Document> list(Actor actor, String status, Boolean overdue) {
        List<Bson> where = new ArrayList<>();
        if (staff(actor)) {
            where.add(or(eq("agencyCode", actor.agencyCode()), eq("borrowerId", actor.personId())));
        } else {
            where.add(eq("borrowerId", actor.personId()));
        }
        if (status != null) {
            where.add(eq("status", status));
        }
        if (overdue != null) {
            where.add(eq("overdue", overdue));
        }
        List<Document> out = new ArrayList<>();
        loans.collection().find(and(where)).sort(Sorts.descending("requestedAt")).forEach(d -> out.add(clean(d)));
        return out;
    }

    /** Every loan still out whose due date is before {@code today} and not yet alerted (for the scheduler). */
    public List<String> dueForAlert(LocalDate today) {
        List<String> out = new ArrayList<>();
        loans.collection().find(and(eq("status", "LENT"), eq("overdue", false), lt("dueDate", Docs.iso(today))))
                .forEach(d -> out.add(d.getString("id")));
        return out;
    }

    public boolean awaitPosition(String id, long position, Duration timeout) {
        return loans.awaitPosition(id, position, timeout);
    }

    private static boolean staff(Actor actor) {
        return actor.agencyCode() != null
                && actor.hasAnyRole(Role.RECORDS_OFFICER, Role.CLERK, Role.APPROVER);
    }

    private static boolean visible(Document d, Actor actor) {
        return actor.personId().equals(d.getString("borrowerId"))
                || (staff(actor) && actor.agencyCode().equals(d.getString("agencyCode")));
    }

    private static Document clean(Document d) {
        d.remove("_id");
        d.remove("position");
        d.remove("borrowerId");
        return d;
    }
}
