package org.saraban.query.archive;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.archive.DestructionEvents;
import org.saraban.api.common.ThaiText;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/**
 * Destruction lists as records officers, committees and heads follow them ({@code destruction_lists}): the
 * lines, the committee, the review, the approval and the National Archives' window, the reply, the destruction.
 * Kept for ever, as the regulation keeps the lists. Idempotent by position.
 */
@ProcessingGroup(DestructionListProjection.GROUP)
public class DestructionListProjection {

    public static final String GROUP = "destruction-lists";
    public static final String LISTS = "destruction_lists";

    private final PositionedStore lists;

    public DestructionListProjection(MongoDatabase db) {
        this.lists = new PositionedStore(db.getCollection(LISTS));
    }

    @ResetHandler
    void reset() {
        lists.collection().drop();
    }

    @EventHandler
    void on(DestructionEvents.ListPrepared e, TrackingToken token, MetaData meta) {
        lists.create(e.listId(), Positions.of(token, meta), d -> {
            d.put("id", e.listId());
            d.put("agencyCode", e.agencyCode());
            d.put("surveyYearBE", e.surveyYearBE());
            d.put("surveyYearThai", ThaiText.thaiDigits(e.surveyYearBE()));
            d.put("items", Docs.list(e.items()));
            d.put("late", e.late());
            d.put("status", "PREPARED");
            d.put("preparedBy", Docs.of(e.by()));
            Docs.putTime(d, "preparedAt", e.at());
            d.put("committee", null);
            d.put("review", null);
            d.put("approval", null);
            d.put("archivesReply", null);
            d.put("destruction", null);
        });
    }

    @EventHandler
    void on(DestructionEvents.CommitteeAppointed e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document c = new Document("chair", Docs.of(e.chair())).append("members", Docs.list(e.members()))
                    .append("by", Docs.of(e.by()));
            Docs.putTime(c, "at", e.at());
            d.put("committee", c);
            d.put("status", "COMMITTEE_APPOINTED");
        });
    }

    @EventHandler
    void on(DestructionEvents.ListReviewed e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document r = new Document("keptLonger", e.keptLonger()).append("report", e.report())
                    .append("by", Docs.of(e.by()));
            Docs.putTime(r, "at", e.at());
            d.put("review", r);
            for (Document item : d.getList("items", Document.class)) {
                item.put("keptLonger", e.keptLonger().contains(item.getString("letterId")));
            }
            d.put("status", "REVIEWED");
        });
    }

    @EventHandler
    void on(DestructionEvents.ListApproved e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document a = new Document("by", Docs.of(e.by()));
            Docs.putTime(a, "at", e.at());
            Docs.putTime(a, "archivesWindowEnds", e.archivesWindowEnds());
            d.put("approval", a);
            d.put("status", "AT_THE_ARCHIVES");
        });
    }

    @EventHandler
    void on(DestructionEvents.ArchivesReplied e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            Document r = new Document("objection", e.objection()).append("note", e.note()).append("by", Docs.of(e.by()));
            Docs.putTime(r, "at", e.at());
            d.put("archivesReply", r);
            d.put("status", e.objection() ? "ARCHIVES_OBJECTED" : "ARCHIVES_AGREED");
        });
    }

    @EventHandler
    void on(DestructionEvents.LettersDestroyed e, TrackingToken token, MetaData meta) {
        lists.update(e.listId(), Positions.of(token, meta), d -> {
            List<String> destroyed = new ArrayList<>();
            e.destroyed().forEach(i -> destroyed.add(i.letterId()));
            Document x = new Document("letters", destroyed).append("by", Docs.of(e.by()));
            Docs.putTime(x, "at", e.at());
            d.put("destruction", x);
            d.put("status", "DESTROYED");
        });
    }
}
