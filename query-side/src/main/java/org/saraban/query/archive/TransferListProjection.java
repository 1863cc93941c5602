package org.saraban.query.archive;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.archive.TransferEvents;
import org.saraban.api.common.ThaiText;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/** The 20-year lists ({@code transfer_lists}): the letters to transfer, those kept with their reasons, the handover. */
@ProcessingGroup(TransferListProjection.GROUP)
public class TransferListProjection {

    public static final String GROUP = "transfer-lists";
    public static final String LISTS = "transfer_lists";

    private final PositionedStore lists;

    public TransferListProjection(MongoDatabase db) {
        this.lists = new PositionedStore(db.getCollection(LISTS));
    }

    @ResetHandler
    void reset() {
        lists.collection().drop();
    }

    @EventHandler
    void on(TransferEvents.ListsPrepared e, TrackingToken token, MetaData meta) {
        lists.create(e.listId(), Positions.of(token, meta), d -> {
            d.put("id", e.listId());
            d.put("agencyCode", e.agencyCode());
            d.put("yearBE", e.yearBE());
            d.put("yearThai", ThaiText.thaiDigits(e.yearBE()));
            d.put("transfer", Docs.list(e.transfer()));
            d.put("keep", Docs.list(e.keep()));
            d.put("late", e.late());
            d.put("status", "PREPARED");
            d.put("preparedBy", Docs.of(e.by()));
            Docs.putTime(d, "preparedAt", e.at());
            d.put("approval", null);
            d.put("handover", null);
        });
    }

    @EventHandler
    void on(TransferEvents.ListsApproved e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document a = new Document("by", Docs.of(e.by()));
            Docs.putTime(a, "at", e.at());
            d.put("approval", a);
            d.put("status", "APPROVED");
        });
    }

    @EventHandler
    void on(TransferEvents.LettersTransferred e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document h = new Document("receipt", e.receipt()).append("by", Docs.of(e.by()));
            Docs.putTime(h, "at", e.at());
            d.put("handover", h);
            d.put("status", "TRANSFERRED");
        });
    }
}
