package org.saraban.query.archive;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.archive.LoanEvents;
import org.saraban.api.common.ThaiText;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/**
 * Loan cards ({@code loans}, บัตรยืมหนังสือ): รายการ (the letters), ผู้ยืม, the purpose, the approval, ผู้รับ and
 * วันยืม at handover, กำหนดส่งคืน, ผู้ส่งคืน and วันส่งคืน, and the overdue alert.
 */
@ProcessingGroup(LoanProjection.GROUP)
public class LoanProjection {

    public static final String GROUP = "loans";
    public static final String LOANS = "loans";

    private final PositionedStore loans;

    public LoanProjection(MongoDatabase db) {
        this.loans = new PositionedStore(db.getCollection(LOANS));
    }

    @ResetHandler
    void reset() {
        loans.collection().drop();
    }

    @EventHandler
    void on(LoanEvents.Requested e, TrackingToken token, MetaData meta) {
        loans.create(e.loanId(), Positions.of(token, meta), d -> {
            d.put("id", e.loanId());
            d.put("agencyCode", e.agencyCode());
            d.put("borrower", Docs.of(e.borrower()));
            d.put("borrowerId", e.borrower().id());
            d.put("crossAgency", e.crossAgency());
            d.put("items", Docs.list(e.items()));
            d.put("purpose", e.purpose());
            d.put("dueDate", Docs.iso(e.dueDate()));
            d.put("dueDateThai", ThaiText.date(e.dueDate()));
            d.put("status", "REQUESTED");
            d.put("statusThai", "รออนุมัติ");
            d.put("requestedBy", Docs.of(e.by()));
            Docs.putTime(d, "requestedAt", e.at());
            d.put("approval", null);
            d.put("lent", null);
            d.put("returned", null);
            d.put("overdue", false);
        });
    }

    @EventHandler
    void on(LoanEvents.Approved e, TrackingToken token, MetaData meta) {
        loans.update(e.loanId(), Positions.of(token, meta), d -> {
            Document a = new Document("approved", true).append("by", Docs.of(e.by()));
            Docs.putTime(a, "at", e.at());
            d.put("approval", a);
            d.put("status", "APPROVED");
            d.put("statusThai", "อนุมัติแล้ว");
        });
    }

    @EventHandler
    void on(LoanEvents.Rejected e, TrackingToken token, MetaData meta) {
        loans.update(e.loanId(), Positions.of(token, meta), d -> {
            Document a = new Document("approved", false).append("reason", e.reason()).append("by", Docs.of(e.by()));
            Docs.putTime(a, "at", e.at());
            d.put("approval", a);
            d.put("status", "REJECTED");
            d.put("statusThai", "ไม่อนุมัติ");
        });
    }

    @EventHandler
    void on(LoanEvents.Lent e, TrackingToken token, MetaData meta) {
        loans.update(e.loanId(), Positions.of(token, meta), d -> {
            Document l = new Document("recipient", Docs.of(e.borrower())).append("by", Docs.of(e.by()));
            Docs.putTime(l, "at", e.at());
            d.put("lent", l);
            d.put("status", "LENT");
            d.put("statusThai", "ยืมอยู่");
        });
    }

    @EventHandler
    void on(LoanEvents.Returned e, TrackingToken token, MetaData meta) {
        loans.update(e.loanId(), Positions.of(token, meta), d -> {
            Document r = new Document("returnedBy", Docs.of(e.returnedBy())).append("late", e.late())
                    .append("by", Docs.of(e.by()));
            Docs.putTime(r, "at", e.at());
            d.put("returned", r);
            d.put("status", "RETURNED");
            d.put("statusThai", "ส่งคืนแล้ว");
            d.put("overdue", false);
        });
    }

    @EventHandler
    void on(LoanEvents.Overdue e, TrackingToken token, MetaData meta) {
        loans.update(e.loanId(), Positions.of(token, meta), d -> {
            d.put("overdue", true);
            Docs.putTime(d, "overdueNoticedAt", e.at());
        });
    }
}
