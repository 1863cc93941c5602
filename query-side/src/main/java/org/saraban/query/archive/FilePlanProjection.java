package org.saraban.query.archive;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.saraban.api.archive.FilePlanEvents;
import org.saraban.api.common.ThaiText;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/** The file plans ({@code file_plan}): one document per agency and code, with its retention and whether active. */
@ProcessingGroup(FilePlanProjection.GROUP)
public class FilePlanProjection {

    public static final String GROUP = "file-plan";
    public static final String CODES = "file_plan";

    private final PositionedStore codes;

    public FilePlanProjection(MongoDatabase db) {
        this.codes = new PositionedStore(db.getCollection(CODES));
    }

    static String key(String agencyCode, String code) {
        return agencyCode + "|" + code;
    }

    @ResetHandler
    void reset() {
        codes.collection().drop();
    }

    @EventHandler
    void on(FilePlanEvents.CodeDefined e, TrackingToken token, MetaData meta) {
        // a redefinition replaces the code's document as a whole
        codes.create(key(e.agencyCode(), e.code()), Positions.of(token, meta), d -> fill(d, e));
    }

    private static void fill(org.bson.Document d, FilePlanEvents.CodeDefined e) {
        d.put("agencyCode", e.agencyCode());
        d.put("code", e.code());
        d.put("title", e.title());
        d.put("retentionYears", e.retentionYears());
        d.put("permanent", e.permanent());
        d.put("retentionThai", e.permanent() ? "ห้ามทำลาย" : ThaiText.thaiDigits(e.retentionYears()) + " ปี");
        d.put("active", true);
        d.put("definedBy", Docs.of(e.by()));
        Docs.putTime(d, "definedAt", e.at());
    }

    @EventHandler
    void on(FilePlanEvents.CodeRetired e, TrackingToken token, MetaData meta) {
        codes.update(key(e.agencyCode(), e.code()), Positions.of(token, meta), d -> {
            d.put("active", false);
            Docs.putTime(d, "retiredAt", e.at());
        });
    }
}
