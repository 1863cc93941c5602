package org.saraban.web.letter;

import java.util.List;
import java.util.Objects;

import org.bson.Document;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.Enclosure;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.Urgency;
import org.saraban.command.letter.LetterDocuments;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.render.FormKind;
import org.saraban.signing.render.Issuer;
import org.saraban.signing.render.LetterForm;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.OwnerUnit;
import org.saraban.signing.render.RenderedPdf;
import org.saraban.signing.render.Signatory;
import org.springframework.stereotype.Component;

/** A letter's view as the regulation's form, rendered to PDF by the signing module. */
@Component
public class LetterPdf {

    private final LetterRenderer renderer;
    private final ReceiptStamp receiptStamp;
    private final Directory directory;

    public LetterPdf(LetterRenderer renderer, ReceiptStamp receiptStamp, Directory directory) {
        this.renderer = renderer;
        this.receiptStamp = receiptStamp;
        this.directory = directory;
    }

    public RenderedPdf render(Document view) {
        return renderer.render(form(view));
    }

    /**
     * The letter as its holder sees it: a received copy carries the receiving agency's stamp (agency,
     * เลขรับ, date, time) at the top right of page 1, added as an incremental update (API.md "pdf").
     */
    public byte[] pdf(Document view) {
        byte[] pdf = render(view).pdf();
        Document stamp = view.get("receiptStamp", Document.class);
        if (stamp == null) {
            return pdf;
        }
        return receiptStamp.apply(pdf, new ReceiptStamp.Receipt(stamp.getString("agencyCode"),
                stamp.getString("receivingNumber"), stamp.getString("date"), stamp.getString("time")));
    }

    /** A PDF of what {@code letter} would print, not stored anywhere (a draft's preview). */
    public byte[] preview(LetterDocuments.LetterOfRecord letter) {
        return renderer.render(form(letter)).pdf();
    }

    public LetterForm form(Document v) {
        String fromCode = v.getString("fromAgencyCode");
        Agency agency = fromCode == null ? null : directory.agency(fromCode).orElse(null);
        String issuerName = v.getString("fromAgencyName") != null ? v.getString("fromAgencyName")
                : agency != null ? agency.name() : fromCode;
        Document signatory = v.get("signatory", Document.class);
        Document owner = v.get("ownerUnit", Document.class);
        return new LetterForm(
                FormKind.valueOf(v.getString("kind")),
                urgency(v),
                "NONE".equals(v.getString("secrecy")) ? null : v.getString("secrecyThai"),
                new Issuer(Objects.requireNonNullElse(issuerName, ""), agency == null ? null : agency.address()),
                v.getString("number"),
                v.getString("dateThai"),
                v.getString("subject"),
                v.getString("salutation"),
                labels(v.getList("to", Document.class, List.of())),
                v.getList("references", String.class, List.of()),
                v.getList("enclosures", Document.class, List.of()).stream().map(e -> e.getString("title")).toList(),
                v.getList("body", String.class, List.of()),
                v.getString("closing"),
                signatory == null ? null : Signatory.of(signatory.getString("displayName"), signatory.getString("position")),
                owner == null || owner.getString("name") == null ? null : new OwnerUnit(owner.getString("name"),
                        owner.getString("phone"), owner.getString("fax"), owner.getString("email")),
                labels(v.getList("copiesTo", Document.class, List.of())));
    }

    /** The approved letter as its PDF of record prints it: the content with the number and date issued at approval. */
    public LetterForm form(LetterDocuments.LetterOfRecord l) {
        LetterContent c = l.content();
        Agency agency = directory.agency(l.agencyCode()).orElse(null);
        String issuerName = l.agencyName() != null ? l.agencyName() : agency != null ? agency.name() : l.agencyCode();
        String urgency = c.deliverBy() != null ? "ด่วนภายใน " + ThaiText.dateTime(c.deliverBy())
                : c.urgency() == Urgency.NORMAL ? null : c.urgency().thai();
        return new LetterForm(
                FormKind.valueOf(c.kind().name()),
                urgency,
                c.secrecy() == Secrecy.NONE ? null : c.secrecy().thai(),
                new Issuer(Objects.requireNonNullElse(issuerName, ""), agency == null ? null : agency.address()),
                l.number(),
                l.letterDate() == null ? null : ThaiText.date(l.letterDate()),
                c.subject(),
                c.salutation(),
                c.to().stream().map(Recipient::label).filter(Objects::nonNull).toList(),
                c.references(),
                c.enclosures().stream().map(Enclosure::title).toList(),
                c.body(),
                c.closing(),
                c.signatory() == null ? null : Signatory.of(c.signatory().displayName(), c.signatory().position()),
                c.ownerUnit() == null || c.ownerUnit().name() == null ? null : new OwnerUnit(c.ownerUnit().name(),
                        c.ownerUnit().phone(), c.ownerUnit().fax(), c.ownerUnit().email()),
                c.copiesTo().stream().map(Recipient::label).filter(Objects::nonNull).toList());
    }

    /** ชั้นความเร็ว as printed: ด่วน / ด่วนมาก / ด่วนที่สุด, or ด่วนภายใน with the date and time (DOMAIN.md §1.4). */
    private static String urgency(Document v) {
        String deliverBy = v.getString("deliverByThai");
        if (deliverBy != null) {
            return "ด่วนภายใน " + deliverBy;
        }
        return "NORMAL".equals(v.getString("urgency")) ? null : v.getString("urgencyThai");
    }

    /** An addressee as the เรียน line prints it: the position, else the name, else the agency. */
    private static List<String> labels(List<Document> recipients) {
        return recipients.stream().map(r -> firstOf(r.getString("position"), r.getString("name"), r.getString("agencyCode")))
                .filter(Objects::nonNull).toList();
    }

    private static String firstOf(String... values) {
        for (String s : values) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
