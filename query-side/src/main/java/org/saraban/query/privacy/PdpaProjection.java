package org.saraban.query.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.privacy.PdpaEvents;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/**
 * PDPA requests and decisions ({@code pdpa_requests}): the record the agency keeps of each request, its answer-by
 * date and the decision with its legal basis. Read by the agency's records officers and heads only.
 */
@ProcessingGroup(PdpaProjection.GROUP)
public class PdpaProjection {

    public static final String GROUP = "pdpa-requests";
    public static final String REQUESTS = "pdpa_requests";

    private final PositionedStore requests;

    public PdpaProjection(MongoDatabase db) {
        this.requests = new PositionedStore(db.getCollection(REQUESTS));
    }

    @ResetHandler
    void reset() {
        requests.collection().drop();
    }

    @EventHandler
    void on(PdpaEvents.Received e, TrackingToken token, MetaData meta) {
        requests.create(e.requestId(), Positions.of(token, meta), d -> {
            d.put("id", e.requestId());
            d.put("agencyCode", e.agencyCode());
            d.put("kind", e.kind().name());
            d.put("subjectName", e.subjectName());
            d.put("details", e.details());
            d.put("letterIds", e.letterIds());
            d.put("terms", e.terms());
            d.put("answerBy", Docs.iso(e.answerBy()));
            d.put("answerByThai", ThaiText.date(e.answerBy()));
            d.put("status", "OPEN");
            d.put("receivedBy", Docs.of(e.by()));
            Docs.putTime(d, "receivedAt", e.at());
            d.put("decision", null);
        });
    }

    @EventHandler
    void on(PdpaEvents.Decided e, TrackingToken token, MetaData meta) {
        requests.update(e.requestId(), Positions.of(token, meta), d -> {
            Document decision = new Document("outcome", e.outcome().name()).append("legalBasis", e.legalBasis())
                    .append("reason", e.reason()).append("late", e.late()).append("by", Docs.of(e.by()));
            Docs.putTime(decision, "at", e.at());
            d.put("decision", decision);
            d.put("status", e.outcome().name());
        });
    }

    // ------------------------------------------------------------------ reads

    private static boolean staff(Actor actor, Document d) {
        return actor.agencyCode() != null && actor.agencyCode().equals(d.getString("agencyCode"))
                && actor.hasAnyRole(Role.RECORDS_OFFICER, Role.APPROVER);
    }

    public Optional<Document> find(String id, Actor actor) {
        Document d = requests.get(id);
        if (d == null || !staff(actor, d)) {
            return Optional.empty();
        }
        d.remove("_id");
        d.remove("position");
        return Optional.of(d);
    }

    /** The agency's requests, newest first; {@code open}: those still undecided, with {@code overdue} marked. */
    public List<Document> list(Actor actor, java.time.LocalDate today) {
        List<Document> out = new ArrayList<>();
        if (actor.agencyCode() == null || !actor.hasAnyRole(Role.RECORDS_OFFICER, Role.APPROVER)) {
            return out;
        }
        requests.collection().find(Filters.eq("agencyCode", actor.agencyCode())).sort(Sorts.descending("receivedAt"))
                .forEach(d -> {
                    d.remove("_id");
                    d.remove("position");
                    d.put("overdue", "OPEN".equals(d.getString("status"))
                            && today.toString().compareTo(d.getString("answerBy")) > 0);
                    out.add(d);
                });
        return out;
    }

    public boolean awaitPosition(String id, long position, Duration timeout) {
        return requests.awaitPosition(id, position, timeout);
    }
}
