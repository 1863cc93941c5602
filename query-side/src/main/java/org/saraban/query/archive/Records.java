package org.saraban.query.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.saraban.api.common.ThaiText;
import org.saraban.query.letter.LetterStore;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;

/**
 * The storage side of the records (DOMAIN.md §1.9): the agency's file plan, the storage register (ทะเบียนหนังสือเก็บ)
 * and the list of letters a unit sent for storage (บัญชีหนังสือส่งเก็บ, แบบที่ ๑๙), all from the filing events.
 * The caller checks who may read them.
 */
public class Records {

    private final PositionedStore codes;
    private final MongoCollection<Document> letters;

    public Records(MongoDatabase db) {
        this.codes = new PositionedStore(db.getCollection(FilePlanProjection.CODES));
        this.letters = db.getCollection(LetterStore.LETTERS);
    }

    /** The agency's file codes, in code order; retired ones too when {@code withRetired}. */
    public List<Document> filePlan(String agencyCode, boolean withRetired) {
        List<Bson> where = new ArrayList<>(List.of(eq("agencyCode", agencyCode)));
        if (!withRetired) {
            where.add(eq("active", true));
        }
        List<Document> out = new ArrayList<>();
        codes.collection().find(and(where)).sort(Sorts.ascending("code")).forEach(d -> {
            d.remove("_id");
            d.remove("position");
            out.add(d);
        });
        return out;
    }

    /** An active code of the agency's plan. */
    public Optional<Document> activeCode(String agencyCode, String code) {
        Document d = codes.get(FilePlanProjection.key(agencyCode, code == null ? "" : code.strip()));
        return d != null && Boolean.TRUE.equals(d.getBoolean("active")) ? Optional.of(d) : Optional.empty();
    }

    public boolean hasPlan(String agencyCode) {
        return codes.collection().find(and(eq("agencyCode", agencyCode), eq("active", true))).first() != null;
    }

    public boolean awaitCode(String agencyCode, String code, long position, Duration timeout) {
        return codes.awaitPosition(FilePlanProjection.key(agencyCode, code.strip()), position, timeout);
    }

    /**
     * The storage register of a BE year: every letter the agency filed in that year, in filing order, numbered
     * from ๑: วันเก็บ, ลำดับที่, ที่, ลงวันที่, เรื่อง, รหัสแฟ้ม, อายุการเก็บ, หมายเหตุ.
     */
    public List<Document> storageRegister(String agencyCode, int yearBE) {
        return rows(and(eq("agencyCode", agencyCode), filedIn(yearBE)));
    }

    /** The list of letters sent for storage (แบบที่ ๑๙) by one unit in a BE year. */
    public List<Document> sentForStorage(String agencyCode, String unitCode, int yearBE) {
        List<Document> all = rows(and(eq("agencyCode", agencyCode), filedIn(yearBE)));
        List<Document> out = new ArrayList<>();
        for (Document r : all) {
            if (unitCode.equals(r.remove("unitCode"))) {
                r.put("item", out.size() + 1);
                r.put("itemThai", ThaiText.thaiDigits(out.size() + 1));
                out.add(r);
            }
        }
        return out;
    }

    private static Bson filedIn(int yearBE) {
        // filing times are ISO instants; the BE year runs from 1 January, Bangkok time
        LocalDate first = LocalDate.of(yearBE - 543, 1, 1);
        String from = Docs.iso(first.atStartOfDay(ThaiText.BANGKOK).toInstant());
        String to = Docs.iso(first.plusYears(1).atStartOfDay(ThaiText.BANGKOK).toInstant());
        return and(exists("filing.at"), gte("filing.at", from), lt("filing.at", to));
    }

    private List<Document> rows(Bson where) {
        List<Document> out = new ArrayList<>();
        Document fields = new Document("searchText", 0).append("searchGrams", 0).append("searchWords", 0)
                .append("history", 0);
        letters.find(where).projection(fields).sort(Sorts.ascending("filing.at", "id")).forEach(d -> {
            Document filing = d.get("filing", Document.class);
            int item = out.size() + 1;
            String unit = d.getString("ownerUnitCode");
            if (unit == null && filing.get("by") instanceof Document by) {
                unit = by.getString("unitCode");
            }
            out.add(new Document("item", item).append("itemThai", ThaiText.thaiDigits(item))
                    .append("letterId", d.getString("id"))
                    .append("filedAt", filing.getString("at")).append("filedAtThai", filing.getString("atThai"))
                    .append("number", d.getString("number"))
                    .append("date", d.getString("date")).append("dateThai", d.getString("dateThai"))
                    .append("subject", d.getString("subject"))
                    .append("fileCode", filing.getString("fileCode"))
                    .append("retention", filing.getString("stamp"))
                    .append("remark", remark(d))
                    .append("unitCode", unit));
        });
        return out;
    }

    private static String remark(Document d) {
        String status = d.getString("status");
        if ("DESTROYED".equals(status)) {
            return "ทำลายแล้ว";
        }
        if ("TRANSFERRED".equals(status)) {
            return "ส่งมอบกรมศิลปากรแล้ว";
        }
        List<Document> onLoan = d.getList("onLoan", Document.class, List.of());
        if (!onLoan.isEmpty()) {
            Document borrower = onLoan.get(0).get("borrower", Document.class);
            return "ยืมโดย " + borrower.getString("displayName") + " กำหนดส่งคืน " + onLoan.get(0).getString("dueDateThai");
        }
        return "";
    }
}
