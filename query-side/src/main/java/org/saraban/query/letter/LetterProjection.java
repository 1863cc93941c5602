package org.saraban.query.letter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.DraftLetterEditedEvent;
import org.saraban.api.letter.ImportedLetter;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.LetterApprovalInvalidatedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterCancelledEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterNumberedEvent;
import org.saraban.api.letter.LetterPdfRecordedEvent;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterReturnedEvent;
import org.saraban.api.letter.LetterRoutedEvent;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.LetterVerifiedEvent;
import org.saraban.api.letter.PaperLetterImportedEvent;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.RouteAcknowledgedEvent;
import org.saraban.api.letter.RouteCompletedEvent;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.query.support.Docs;
import org.saraban.query.support.PositionedStore;
import org.saraban.query.support.Positions;

/**
 * Projects letter events into the {@code letters} view (one document per letter or received copy,
 * with its history) and the {@code register_rows} view (one document per register number, with the
 * regulation's columns: DOMAIN.md §1.6–1.7). Idempotent by global position, so replays are harmless.
 */
@ProcessingGroup(LetterProjection.GROUP)
public class LetterProjection {

    public static final String GROUP = "letters";

    private final LetterStore store;

    public LetterProjection(LetterStore store) {
        this.store = store;
    }

    @ResetHandler
    void reset() {
        store.letters().collection().drop();
        store.dropList();
        store.registerRows().collection().drop();
    }

    // ------------------------------------------------------------------ outgoing

    @EventHandler
    void on(DraftLetterCreatedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        store.letters().create(e.letterId(), Positions.of(token, meta), d -> {
            d.put("id", e.letterId());
            d.put("direction", "OUTGOING");
            d.put("agencyCode", e.agencyCode());
            d.put("agencyName", e.agencyName());
            d.put("fromAgencyCode", e.agencyCode());
            d.put("fromAgencyName", e.agencyName());
            d.put("ownerUnitCode", e.ownerUnitCode());
            d.put("author", Docs.of(e.author()));
            // before the content, which adds the signatory
            d.put("participants", new ArrayList<>(List.of(e.author().id())));
            putContent(d, e.content());
            d.put("status", "DRAFT");
            d.put("number", null); // ออกเลข happens at dispatch (or at approval when signed digitally), never at draft
            d.put("date", null);
            d.put("dateThai", null);
            Docs.putTime(d, "createdAt", e.at());
            d.put("signatures", new ArrayList<Document>());
            d.put("pdfSha256", null);
            d.put("pdfRevisions", new ArrayList<Document>());
            d.put("deliveries", new ArrayList<Document>());
            d.put("routes", new ArrayList<Document>());
            d.put("routeUnits", new ArrayList<String>());
            d.put("history", new ArrayList<Document>());
            history(d, seq, "DraftLetterCreated", "สร้างร่างหนังสือ", e.author(), e.at(), null);
            d.put("version", seq);
        });
    }

    @EventHandler
    void on(DraftLetterEditedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            putContent(d, e.content());
            history(d, seq, "DraftLetterEdited", "แก้ไขร่างหนังสือ", e.editor(), e.at(), null);
        });
    }

    @EventHandler
    void on(LetterSubmittedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "PENDING_APPROVAL");
            d.put("approver", Docs.of(e.approver()));
            participant(d, e.approver());
            Docs.putTime(d, "submittedAt", e.at());
            history(d, seq, "LetterSubmitted", "เสนอ " + e.approver().displayName() + " พิจารณา", e.by(), e.at(), null);
        });
    }

    @EventHandler
    void on(LetterApprovedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "APPROVED");
            d.put("approvedContentHash", e.contentHash());
            Docs.putTime(d, "approvedAt", e.at());
            history(d, seq, "LetterApproved", "อนุมัติ", e.by(), e.at(), e.comment());
        });
    }

    /** ออกเลข at approval: the register row appears now, the letter is sent later with this number. */
    @EventHandler
    void on(LetterNumberedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        long position = Positions.of(token, meta);
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("number", e.number());
            d.put("book", e.book().path());
            d.put("yearBE", e.yearBE());
            d.put("registerNumber", e.registerNumber());
            d.put("date", Docs.iso(e.at()));
            d.put("dateThai", ThaiText.date(e.at()));
            history(d, seq, "LetterNumbered", "ออกเลขที่ " + e.number() + " เพื่อลงนามอิเล็กทรอนิกส์", e.by(), e.at(),
                    null);
        });
        String id = rowId(e.agencyCode(), e.book(), e.yearBE(), e.registerNumber());
        store.registerRows().create(id, position, r -> {
            sentRow(r, e.agencyCode(), e.agencyName(), e.book(), e.yearBE(), e.registerNumber(), e.letterId(),
                    e.number(), e.at(), e.content());
            r.put("action", "ออกเลขแล้ว รอลงนามและส่ง");
        });
    }

    /** A new revision of the PDF of record; a visa is also listed among the letter's signatures. */
    @EventHandler
    void on(LetterPdfRecordedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("pdfSha256", e.sha256());
            Document revision = new Document("step", e.step().name()).append("sha256", e.sha256())
                    .append("previousSha256", e.previousSha256()).append("by", Docs.of(e.by()));
            Docs.putTime(revision, "at", e.at());
            List<Document> revisions = d.getList("pdfRevisions", Document.class);
            if (revisions == null) {
                revisions = new ArrayList<>();
                d.put("pdfRevisions", revisions);
            }
            revisions.add(revision);
            List<Document> signatures = d.getList("signatures", Document.class);
            switch (e.step()) {
                case VISA -> {
                    Document visa = new Document("signer", Docs.of(e.by())).append("method", "PADES")
                            .append("role", "VISA").append("pdfSha256", e.sha256());
                    Docs.putTime(visa, "at", e.at());
                    signatures.add(visa);
                }
                case SIGNATURE -> {
                    if (!signatures.isEmpty()) {
                        signatures.get(signatures.size() - 1).put("pdfSha256", e.sha256());
                    }
                }
                default -> {
                }
            }
            history(d, seq, "LetterPdfRecorded", PDF_STEP_THAI.get(e.step()), e.by(), e.at(), null);
        });
    }

    private static final Map<PdfStep, String> PDF_STEP_THAI = Map.of(
            PdfStep.RENDERED, "จัดทำหนังสือเป็น PDF/A-3b ฉบับจริง",
            PdfStep.VISA, "ลงนามกำกับ (ตรวจทาน) ด้วยลายมือชื่ออิเล็กทรอนิกส์",
            PdfStep.SIGNATURE, "ลงลายมือชื่ออิเล็กทรอนิกส์ (PAdES)",
            PdfStep.RECEIPT_STAMP, "ประทับตรารับหนังสือบนฉบับที่ลงนามแล้ว",
            PdfStep.PRESERVED, "ประทับเวลาเพื่อการเก็บรักษาระยะยาว (PAdES-B-LTA)");

    /** An edit after approval: the approval, the signatures, the PDF and a number issued at approval lapse. */
    @EventHandler
    void on(LetterApprovalInvalidatedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "DRAFT");
            d.put("approvedContentHash", null);
            d.put("signatures", new ArrayList<Document>());
            d.put("pdfSha256", null);
            d.put("pdfRevisions", new ArrayList<Document>()); // the lapsed revisions stay in the history
            for (String field : List.of("number", "book", "yearBE", "registerNumber", "date", "dateThai")) {
                d.put(field, null);
            }
            history(d, seq, "LetterApprovalInvalidated", e.voidedNumber() == null
                    ? "แก้ไขหลังอนุมัติ การอนุมัติและการลงนามสิ้นผล"
                    : "แก้ไขหลังอนุมัติ การอนุมัติและการลงนามสิ้นผล ยกเลิกเลขที่ " + e.voidedNumber(), e.by(), e.at(),
                    e.reason());
        });
    }

    @EventHandler
    void on(LetterReturnedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "RETURNED");
            d.put("returnReason", e.reason());
            history(d, seq, "LetterReturned", "ส่งคืนแก้ไข", e.by(), e.at(), e.reason());
        });
    }

    @EventHandler
    void on(LetterSignedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "SIGNED");
            Document sig = new Document("signer", Docs.of(e.signer())).append("method", e.method())
                    .append("role", "SIGNATORY").append("assurance", e.assurance())
                    .append("contentHash", e.contentHash());
            Docs.putTime(sig, "at", e.at());
            d.getList("signatures", Document.class).add(sig);
            history(d, seq, "LetterSigned", "PADES".equals(e.method()) ? "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"
                    : "ลงนาม (" + e.method() + ")", e.signer(), e.at(), null);
        });
    }

    @EventHandler
    void on(LetterDispatchedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        long position = Positions.of(token, meta);
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "DISPATCHED");
            d.put("number", e.number());
            d.put("book", e.book() == null ? null : e.book().path());
            d.put("yearBE", e.yearBE());
            d.put("registerNumber", e.registerNumber());
            Docs.putTime(d, "dispatchedAt", e.at());
            d.put("date", Docs.iso(e.letterDate()));
            d.put("dateThai", ThaiText.date(e.letterDate()));
            d.put("dispatchedBy", Docs.of(e.by()));
            List<Document> deliveries = new ArrayList<>();
            for (LetterDispatchedEvent.Dispatch x : e.deliveries()) {
                deliveries.add(new Document("recipient", Docs.of(x.recipient()))
                        .append("agencyCode", x.recipient().agencyCode())
                        .append("label", x.recipient().label())
                        .append("copyOnly", x.copyOnly())
                        .append("method", x.method().name())
                        .append("copyId", x.copyId())
                        .append("status", x.method() == DeliveryMethod.ELECTRONIC ? "SENT" : "OUT_OF_BAND"));
            }
            d.put("deliveries", deliveries);
            d.put("unacknowledged", deliveries.stream().anyMatch(x -> "SENT".equals(x.get("status"))));
            boolean numberedBefore = !e.letterDate().equals(e.at());
            history(d, seq, "LetterDispatched", e.number() == null || numberedBefore ? "ส่งหนังสือ"
                    : "ออกเลขที่ " + e.number() + " และส่งหนังสือ", e.by(), e.at(), null);
        });
        if (e.book() != null) { // the row comes from the event alone: no need to read the letter's view
            String id = rowId(e.agencyCode(), e.book(), e.yearBE(), e.registerNumber());
            store.registerRows().create(id, position, r -> {
                sentRow(r, e.agencyCode(), e.agencyName(), e.book(), e.yearBE(), e.registerNumber(), e.letterId(),
                        e.number(), e.letterDate(), e.content());
                long electronic = e.deliveries().stream().filter(x -> x.method() == DeliveryMethod.ELECTRONIC).count();
                r.put("action", electronic == e.deliveries().size() ? "ส่งทางระบบสารบรรณอิเล็กทรอนิกส์"
                        : electronic == 0 ? "ส่งนอกระบบ" : "ส่งทางระบบและนอกระบบ");
            });
        }
    }

    /** The sending register's columns, from the number's own event (no need to read the letter's view). */
    private static void sentRow(Document r, String agencyCode, String agencyName, RegisterBookType book, int yearBE,
                                long registerNumber, String letterId, String number, Instant letterDate,
                                LetterContent content) {
        rowKey(r, agencyCode, book, yearBE, registerNumber, letterId);
        r.put("number", number);
        r.put("date", Docs.iso(letterDate));
        r.put("dateThai", ThaiText.date(letterDate));
        Docs.putTime(r, "registeredAt", letterDate);
        r.put("from", agencyName == null ? agencyCode : agencyName);
        r.put("to", String.join(", ", content.to().stream().map(Recipient::label).toList()));
        r.put("subject", registerSubject(content.subject(), content.secrecy()));
        r.put("remark", content.circular() ? "หนังสือเวียน" : null);
        r.put("voided", false);
    }

    @EventHandler
    void on(LetterCancelledEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            d.put("status", "CANCELLED");
            d.put("cancelReason", e.reason());
            history(d, seq, "LetterCancelled", "ยกเลิกหนังสือ", e.by(), e.at(), e.reason());
        });
    }

    @EventHandler
    void on(NumberVoidedEvent e, TrackingToken token, MetaData meta) {
        store.registerRows().update(rowId(e.agencyCode(), e.book(), e.yearBE(), e.registerNumber()), Positions.of(token, meta), r -> {
            r.put("voided", true);
            r.put("remark", "ยกเลิกเลข: " + e.reason());
        });
    }

    @EventHandler
    void on(LetterDeliveryRecordedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            for (Document x : d.getList("deliveries", Document.class)) {
                if (e.copyId().equals(x.getString("copyId")) && "SENT".equals(x.getString("status"))) {
                    x.put("status", "DELIVERED");
                    Docs.putTime(x, "deliveredAt", e.at());
                }
            }
            history(d, seq, "LetterDeliveryRecorded", "ส่งถึง " + e.recipientAgencyCode() + " แล้ว", null, e.at(), null);
        });
    }

    @EventHandler
    void on(LetterAcknowledgedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            for (Document x : d.getList("deliveries", Document.class)) {
                if (e.copyId().equals(x.getString("copyId"))) {
                    x.put("status", "ACKNOWLEDGED");
                    x.put("receivingNumber", e.receivingNumber());
                    x.put("receivedBy", Docs.of(e.receivedBy()));
                    Docs.putTime(x, "acknowledgedAt", e.at());
                }
            }
            d.put("unacknowledged", d.getList("deliveries", Document.class).stream()
                    .anyMatch(x -> "SENT".equals(x.get("status")) || "DELIVERED".equals(x.get("status"))));
            history(d, seq, "LetterAcknowledged",
                    e.recipientAgencyCode() + " ลงรับแล้ว เลขรับ " + e.receivingNumber(), e.receivedBy(), e.at(), null);
        });
    }

    // ------------------------------------------------------------------ incoming

    @EventHandler
    void on(LetterDeliveredEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        store.letters().create(e.copyId(), Positions.of(token, meta), d -> {
            d.put("id", e.copyId());
            d.put("direction", "INCOMING");
            d.put("agencyCode", e.agencyCode());
            d.put("fromAgencyCode", e.fromAgencyCode());
            d.put("fromAgencyName", e.fromAgencyName());
            d.put("sourceLetterId", e.sourceLetterId());
            putContent(d, e.content());
            d.put("number", e.number());
            d.put("date", Docs.iso(e.letterDate()));
            d.put("dateThai", ThaiText.date(e.letterDate()));
            d.put("addressees", Docs.list(e.addressees()));
            d.put("addresseeUnits", e.addressees().stream().map(Recipient::unitCode).filter(u -> u != null).toList());
            d.put("copyOnly", e.copyOnly());
            d.put("status", "DELIVERED");
            Docs.putTime(d, "deliveredAt", e.at());
            List<Document> sigs = new ArrayList<>();
            for (PersonRef p : e.signedBy() == null ? List.<PersonRef>of() : e.signedBy()) {
                sigs.add(new Document("signer", Docs.of(p)).append("method", e.pdfSha256() == null ? "TYPED_NAME" : "PADES")
                        .append("role", "SIGNATORY"));
            }
            d.put("signatures", sigs);
            d.put("pdfSha256", e.pdfSha256());
            d.put("pdfRevisions", new ArrayList<Document>());
            d.put("routes", new ArrayList<Document>());
            Set<String> participants = new LinkedHashSet<>();
            e.addressees().stream().map(Recipient::personId).filter(p -> p != null).forEach(participants::add);
            d.put("participants", new ArrayList<>(participants));
            d.put("routeUnits", new ArrayList<String>());
            d.put("history", new ArrayList<Document>());
            history(d, seq, "LetterDelivered", "รับหนังสือเข้าระบบจาก " + e.fromAgencyCode(), null, e.at(), null);
            d.put("version", seq);
        });
    }

    @EventHandler
    void on(PaperLetterImportedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        ImportedLetter l = e.letter();
        store.letters().create(e.copyId(), Positions.of(token, meta), d -> {
            d.put("id", e.copyId());
            d.put("direction", "INCOMING");
            d.put("agencyCode", e.agencyCode());
            d.put("fromAgencyCode", null);
            d.put("fromAgencyName", l.fromAgency());
            d.put("kind", l.kind() == null ? null : l.kind().name());
            d.put("urgency", l.urgency().name());
            d.put("secrecy", l.secrecy().name());
            d.put("circular", false);
            d.put("subject", l.subject());
            d.put("bodyText", l.bodyText());
            d.put("salutation", l.salutation());
            d.put("to", Docs.list(l.to()));
            d.put("references", l.references());
            d.put("enclosures", l.enclosures().stream().map(t -> new Document("title", t)).toList());
            d.put("body", List.of());
            d.put("signatory", new Document("displayName", l.signatoryName()).append("position", l.signatoryPosition()));
            d.put("ownerUnit", Docs.of(l.ownerUnit()));
            d.put("copiesTo", List.of());
            d.put("number", l.number());
            d.put("date", Docs.iso(l.letterDate()));
            d.put("dateThai", l.letterDate() == null ? null : ThaiText.date(l.letterDate()));
            d.put("addressees", Docs.list(l.to()));
            d.put("addresseeUnits", l.to().stream().map(Recipient::unitCode).filter(u -> u != null).toList());
            d.put("channel", l.channel());
            d.put("scanSha256", e.scanSha256());
            d.put("importedBy", Docs.of(e.by()));
            d.put("status", "DELIVERED");
            Docs.putTime(d, "deliveredAt", e.at());
            d.put("signatures", new ArrayList<Document>());
            d.put("routes", new ArrayList<Document>());
            d.put("participants", new ArrayList<>(List.of(e.by().id())));
            d.put("routeUnits", new ArrayList<String>());
            d.put("history", new ArrayList<Document>());
            history(d, seq, "PaperLetterImported", "ลงทะเบียนหนังสือจากภายนอกระบบ", e.by(), e.at(), l.channel());
            d.put("version", seq);
        });
    }

    @EventHandler
    void on(LetterReceivedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        long position = Positions.of(token, meta);
        letter(e.copyId(), token, meta, seq, d -> {
            d.put("status", "RECEIVED");
            d.put("receivingNumber", e.receivingNumber());
            d.put("registerNumber", e.registerNumber());
            d.put("yearBE", e.yearBE());
            Docs.putTime(d, "receivedAt", e.at());
            d.put("receivedBy", Docs.of(e.by()));
            d.put("receiptStamp", new Document("agencyCode", e.agencyCode())
                    .append("receivingNumber", e.receivingNumber())
                    .append("date", ThaiText.date(e.at()))
                    .append("time", ThaiText.time(e.at())));
            participant(d, e.by());
            history(d, seq, "LetterReceived", "ลงรับ เลขรับ " + e.receivingNumber(), e.by(), e.at(), null);
        });
        Document view = store.letters().get(e.copyId());
        if (view == null) {
            return;
        }
        String id = rowId(e.agencyCode(), RegisterBookType.RECEIVED, e.yearBE(), e.registerNumber());
        store.registerRows().create(id, position, r -> {
            rowKey(r, e.agencyCode(), RegisterBookType.RECEIVED, e.yearBE(), e.registerNumber(), e.copyId());
            r.put("receivingNumber", e.receivingNumber());
            r.put("number", view.getString("number"));
            r.put("date", view.getString("date"));
            r.put("dateThai", view.getString("dateThai"));
            Docs.putTime(r, "registeredAt", e.at());
            String from = view.getString("fromAgencyName");
            r.put("from", from == null ? view.getString("fromAgencyCode") : from);
            List<Document> to = view.getList("addressees", Document.class, List.of());
            r.put("to", String.join(", ", to.stream().map(LetterProjection::label).toList()));
            r.put("subject", registerSubject(view.getString("subject"),
                    view.getString("secrecy") == null ? Secrecy.NONE : Secrecy.valueOf(view.getString("secrecy"))));
            r.put("action", null);
            r.put("remark", view.getString("channel"));
            r.put("voided", false);
        });
    }

    @EventHandler
    void on(LetterRoutedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        String[] regRow = new String[1];
        letter(e.letterId(), token, meta, seq, d -> {
            Document route = new Document("routeId", e.routeId()).append("by", Docs.of(e.by()))
                    .append("toUnitCode", e.toUnitCode()).append("toUnitName", e.toUnitName())
                    .append("toPerson", Docs.of(e.toPerson())).append("instruction", e.instruction())
                    .append("dueDate", Docs.iso(e.dueDate()))
                    .append("dueDateThai", e.dueDate() == null ? null : ThaiText.date(e.dueDate()))
                    .append("state", "OPEN");
            Docs.putTime(route, "at", e.at());
            d.getList("routes", Document.class).add(route);
            if (e.toPerson() != null) {
                participant(d, e.toPerson());
            }
            if (e.toUnitCode() != null && !d.getList("routeUnits", String.class).contains(e.toUnitCode())) {
                d.getList("routeUnits", String.class).add(e.toUnitCode());
            }
            participant(d, e.by());
            String target = e.toPerson() != null ? e.toPerson().displayName() : e.toUnitName();
            history(d, seq, "LetterRouted", "เกษียนถึง " + target + ": " + e.instruction(), e.by(), e.at(), null);
            regRow[0] = registerRowOf(d);
        });
        if (regRow[0] != null) {
            String target = e.toPerson() != null ? e.toPerson().displayName() : e.toUnitName();
            store.registerRows().update(regRow[0], Positions.of(token, meta), r -> r.put("action", "เสนอ/มอบ " + target));
        }
    }

    @EventHandler
    void on(RouteAcknowledgedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            route(d, e.routeId(), r -> {
                r.put("state", "ACKNOWLEDGED");
                r.put("acknowledgedBy", Docs.of(e.by()));
                Docs.putTime(r, "acknowledgedAt", e.at());
            });
            history(d, seq, "RouteAcknowledged", "รับทราบคำสั่งการ", e.by(), e.at(), null);
        });
    }

    @EventHandler
    void on(RouteCompletedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            route(d, e.routeId(), r -> {
                r.put("state", "COMPLETED");
                r.put("completedBy", Docs.of(e.by()));
                r.put("note", e.note());
                Docs.putTime(r, "completedAt", e.at());
            });
            history(d, seq, "RouteCompleted", "ดำเนินการเสร็จแล้ว", e.by(), e.at(), e.note());
        });
    }

    /** What the receiving agency's verification of the delivered PDF found, kept with the copy. */
    @EventHandler
    void on(LetterVerifiedEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        DocumentVerification v = e.verification();
        letter(e.copyId(), token, meta, seq, d -> {
            List<Document> signatures = new ArrayList<>();
            for (DocumentVerification.Signature x : v.signatures()) {
                Document sig = new Document("kind", x.kind()).append("signerName", x.signerName())
                        .append("level", x.level()).append("intact", x.intact())
                        .append("certificateStatus", x.certificateStatus());
                if (x.signingTime() != null) {
                    Docs.putTime(sig, "signingTime", x.signingTime());
                }
                if (x.timestampTime() != null) {
                    Docs.putTime(sig, "timestampTime", x.timestampTime());
                }
                signatures.add(sig);
            }
            Document verification = new Document("valid", v.valid()).append("level", v.level())
                    .append("summaryThai", v.summaryThai()).append("pdfSha256", e.pdfSha256())
                    .append("signatures", signatures).append("by", Docs.of(e.by()));
            Docs.putTime(verification, "at", e.at());
            d.put("verification", verification);
            history(d, seq, "LetterVerified", (v.valid() ? "ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์แล้ว ถูกต้อง: "
                    : "ตรวจสอบลายมือชื่ออิเล็กทรอนิกส์แล้ว ไม่ผ่าน: ") + v.summaryThai(), e.by(), e.at(), null);
        });
    }

    /** Letters handed to the National Archives at twenty years: their metadata stays, marked with the handover. */
    @EventHandler
    void on(org.saraban.api.archive.TransferEvents.LettersTransferred e, TrackingToken token, MetaData meta) {
        for (org.saraban.api.archive.TransferItem item : e.transferred()) {
            store.letters().update(item.letterId(), Positions.of(token, meta), d -> {
                d.put("status", "TRANSFERRED");
                Document transferred = new Document("listId", e.listId()).append("receipt", e.receipt())
                        .append("by", Docs.of(e.by()));
                Docs.putTime(transferred, "at", e.at());
                d.put("transferred", transferred);
                history(d, Long.MAX_VALUE - 1, "LetterTransferred", "ส่งมอบให้กรมศิลปากรเมื่อครบ ๒๐ ปี", e.by(), e.at(),
                        e.receipt());
            });
        }
    }

    /**
     * A PDPA decision to redact: the data subject's personal data leaves the letters' views, search index and
     * register rows (the store applies {@link Redaction} on every write); the events keep the record.
     */
    @EventHandler
    void on(org.saraban.api.privacy.PdpaEvents.Decided e, TrackingToken token, MetaData meta) {
        if (e.outcome() != org.saraban.api.privacy.PdpaCommands.Outcome.REDACTED) {
            return;
        }
        long position = Positions.of(token, meta);
        for (String letterId : e.letterIds()) {
            String[] regRow = new String[1];
            store.letters().update(letterId, position, d -> {
                if (!e.agencyCode().equals(d.getString("agencyCode"))) {
                    return; // an agency decides for its own letters only
                }
                List<String> terms = new ArrayList<>(d.getList(Redaction.TERMS, String.class, List.of()));
                e.terms().stream().filter(t -> !terms.contains(t)).forEach(terms::add);
                d.put(Redaction.TERMS, terms);
                List<Document> redactions = new ArrayList<>(d.getList("redactions", Document.class, List.of()));
                Document r = new Document("requestId", e.requestId()).append("legalBasis", e.legalBasis())
                        .append("reason", e.reason()).append("by", Docs.of(e.by()));
                Docs.putTime(r, "at", e.at());
                redactions.add(r);
                d.put("redactions", redactions);
                regRow[0] = registerRowOf(d);
            });
            if (regRow[0] != null) {
                store.registerRows().update(regRow[0], position, row -> {
                    List<String> terms = new ArrayList<>(row.getList(Redaction.TERMS, String.class, List.of()));
                    e.terms().stream().filter(t -> !terms.contains(t)).forEach(terms::add);
                    row.put(Redaction.TERMS, terms);
                });
            }
        }
    }

    /** Letters on loan (บัตรยืม): the borrower sees them until they are returned, wherever the borrower works. */
    @EventHandler
    void on(org.saraban.api.archive.LoanEvents.Lent e, TrackingToken token, MetaData meta) {
        for (String letterId : e.letterIds()) {
            store.letters().update(letterId, Positions.of(token, meta), d -> {
                List<String> borrowers = new ArrayList<>(d.getList("borrowerIds", String.class, List.of()));
                if (!borrowers.contains(e.borrower().id())) {
                    borrowers.add(e.borrower().id());
                }
                d.put("borrowerIds", borrowers);
                List<Document> onLoan = new ArrayList<>(d.getList("onLoan", Document.class, List.of()));
                onLoan.removeIf(x -> e.loanId().equals(x.getString("loanId")));
                onLoan.add(new Document("loanId", e.loanId()).append("borrower", Docs.of(e.borrower()))
                        .append("dueDate", Docs.iso(e.dueDate()))
                        .append("dueDateThai", org.saraban.api.common.ThaiText.date(e.dueDate())));
                d.put("onLoan", onLoan);
            });
        }
    }

    @EventHandler
    void on(org.saraban.api.archive.LoanEvents.Returned e, TrackingToken token, MetaData meta) {
        for (String letterId : e.letterIds()) {
            store.letters().update(letterId, Positions.of(token, meta), d -> {
                List<Document> onLoan = new ArrayList<>(d.getList("onLoan", Document.class, List.of()));
                onLoan.removeIf(x -> e.loanId().equals(x.getString("loanId")));
                d.put("onLoan", onLoan);
                // the same person may still hold the letter on another loan
                List<String> borrowers = onLoan.stream()
                        .map(x -> x.get("borrower", Document.class).getString("id")).distinct().toList();
                d.put("borrowerIds", new ArrayList<>(borrowers));
            });
        }
    }

    /** A named grant to see a secret letter: the grantee joins those who see it. */
    @EventHandler
    void on(org.saraban.api.letter.SecretAccessGrantedEvent e, @SequenceNumber long seq, TrackingToken token,
            MetaData meta) {
        letter(e.letterId(), token, meta, seq, d -> {
            participant(d, e.grantee());
            List<Document> grants = d.getList("secretGrants", Document.class);
            if (grants == null) {
                grants = new ArrayList<>();
                d.put("secretGrants", grants);
            }
            Document g = new Document("person", Docs.of(e.grantee())).append("reason", e.reason())
                    .append("by", Docs.of(e.by()));
            Docs.putTime(g, "at", e.at());
            grants.removeIf(x -> e.grantee().id().equals(x.get("person", Document.class).getString("id")));
            grants.add(g);
            history(d, seq, "SecretAccessGranted", "ให้สิทธิ์เข้าถึงหนังสือลับแก่ " + e.grantee().displayName(), e.by(),
                    e.at(), e.reason());
        });
    }

    /** A view, download or print of a secret letter, in its access log (the letter's version does not change). */
    @EventHandler
    void on(org.saraban.api.archive.SecretLetterAccessedEvent e, TrackingToken token, MetaData meta) {
        store.letters().update(e.letterId(), Positions.of(token, meta), d -> {
            List<Document> log = d.getList("accessLog", Document.class);
            if (log == null) {
                log = new ArrayList<>();
                d.put("accessLog", log);
            }
            Document entry = new Document("person", Docs.of(e.person())).append("what", e.what().name())
                    .append("detail", e.detail());
            Docs.putTime(entry, "at", e.at());
            log.add(entry);
        });
    }

    /**
     * The letters of a destruction list whose content was destroyed (ข้อ ๖๙): their metadata stays, marked with the
     * list and the time; their PDF, scan and enclosures are gone from the blob store.
     */
    @EventHandler
    void on(org.saraban.api.archive.DestructionEvents.LettersDestroyed e, TrackingToken token, MetaData meta) {
        for (org.saraban.api.archive.DestructionItem item : e.destroyed()) {
            store.letters().update(item.letterId(), Positions.of(token, meta), d -> {
                d.put("status", "DESTROYED");
                Document destroyed = new Document("listId", e.listId()).append("by", Docs.of(e.by()));
                Docs.putTime(destroyed, "at", e.at());
                d.put("destroyed", destroyed);
                history(d, Long.MAX_VALUE, "LetterDestroyed", "ทำลายตามบัญชีหนังสือขอทำลาย", e.by(), e.at(), e.listId());
            });
        }
    }

    @EventHandler
    void on(LetterFiledEvent e, @SequenceNumber long seq, TrackingToken token, MetaData meta) {
        String[] regRow = new String[1];
        letter(e.letterId(), token, meta, seq, d -> {
            regRow[0] = registerRowOf(d);
            d.put("status", "FILED");
            Document filing = new Document("fileCode", e.fileCode()).append("retentionYears", e.retentionYears())
                    .append("permanent", e.permanent()).append("keepUntilYearBE", e.keepUntilYearBE())
                    .append("stamp", e.permanent() ? "ห้ามทำลาย" : "เก็บถึง พ.ศ. " + ThaiText.thaiDigits(e.keepUntilYearBE()))
                    .append("by", Docs.of(e.by()));
            Docs.putTime(filing, "at", e.at());
            d.put("filing", filing);
            history(d, seq, "LetterFiled", "เก็บเข้าแฟ้ม " + e.fileCode(), e.by(), e.at(), null);
        });
        if (regRow[0] != null) {
            String stamp = e.permanent() ? "ห้ามทำลาย" : "เก็บถึง พ.ศ. " + ThaiText.thaiDigits(e.keepUntilYearBE());
            store.registerRows().update(regRow[0], Positions.of(token, meta), r -> {
                String remark = r.getString("remark");
                r.put("remark", (remark == null || remark.isBlank() ? "" : remark + "; ")
                        + "เก็บ " + e.fileCode() + " (" + stamp + ")");
            });
        }
    }

    /** The register row of a numbered letter (its sending book) or of a received copy (the received book). */
    private static String registerRowOf(Document d) {
        Number yearBE = d.get("yearBE", Number.class);
        Number n = d.get("registerNumber", Number.class);
        if (yearBE == null || n == null) {
            return null;
        }
        RegisterBookType book = "INCOMING".equals(d.getString("direction")) ? RegisterBookType.RECEIVED
                : RegisterBookType.fromPath(d.getString("book"));
        return book == null ? null : rowId(d.getString("agencyCode"), book, yearBE.intValue(), n.longValue());
    }

    // ------------------------------------------------------------------ helpers

    private void letter(String id, TrackingToken token, MetaData meta, long seq, Consumer<Document> change) {
        store.letters().update(id, Positions.of(token, meta), d -> {
            change.accept(d);
            d.put("version", seq);
        });
    }

    private static void putContent(Document d, LetterContent c) {
        d.put("kind", c.kind().name());
        d.put("kindThai", c.kind().thai());
        d.put("circular", c.circular());
        d.put("urgency", c.urgency().name());
        d.put("urgencyThai", c.urgency().thai());
        d.put("deliverBy", Docs.iso(c.deliverBy()));
        d.put("deliverByThai", ThaiText.dateTime(c.deliverBy()));
        d.put("secrecy", c.secrecy().name());
        d.put("secrecyThai", c.secrecy().thai());
        d.put("subject", c.subject());
        d.put("salutation", c.salutation());
        d.put("to", Docs.list(c.to()));
        d.put("references", c.references());
        d.put("enclosures", Docs.list(c.enclosures()));
        d.put("body", c.body());
        d.put("closing", c.closing());
        d.put("signatory", Docs.of(c.signatory()));
        d.put("ownerUnit", Docs.of(c.ownerUnit()));
        d.put("copiesTo", Docs.list(c.copiesTo()));
        d.put("stampedPurpose", c.stampedPurpose() == null ? null : c.stampedPurpose().name());
        if (c.signatory() != null) {
            participant(d, c.signatory());
        }
    }

    private static void participant(Document d, PersonRef p) {
        if (p == null || p.id() == null) {
            return;
        }
        List<String> participants = d.getList("participants", String.class);
        if (participants == null) {
            participants = new ArrayList<>();
            d.put("participants", participants);
        }
        if (!participants.contains(p.id())) {
            participants.add(p.id());
        }
    }

    private static void route(Document d, String routeId, Consumer<Document> change) {
        for (Document r : d.getList("routes", Document.class)) {
            if (routeId.equals(r.getString("routeId"))) {
                change.accept(r);
            }
        }
    }

    private static void history(Document d, long seq, String type, String what, PersonRef by, Instant at, String detail) {
        Document h = new Document("seq", seq).append("type", type).append("what", what)
                .append("by", by == null ? null : new Document("id", by.id()).append("displayName", by.displayName())
                        .append("position", by.position()).append("agencyCode", by.agencyCode()))
                .append("detail", detail);
        Docs.putTime(h, "at", at);
        List<Document> history = d.getList("history", Document.class);
        history.removeIf(x -> x.get("seq", Number.class).longValue() == seq);
        history.add(h);
    }

    private static String label(Document recipient) {
        for (String k : List.of("position", "name", "agencyCode")) {
            String v = recipient.getString(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** Secret letters are registered with a neutral line only (ระเบียบว่าด้วยการรักษาความลับ: DOMAIN.md §2). */
    private static String registerSubject(String subject, Secrecy secrecy) {
        return secrecy == null || secrecy == Secrecy.NONE ? subject : "(หนังสือชั้นความลับ: " + secrecy.thai() + ")";
    }

    static String rowId(String agencyCode, RegisterBookType book, int yearBE, long n) {
        return agencyCode + "|" + book.path() + "|" + yearBE + "|" + n;
    }

    private static void rowKey(Document r, String agencyCode, RegisterBookType book, int yearBE, long n, String letterId) {
        r.put("agencyCode", agencyCode);
        r.put("book", book.path());
        r.put("yearBE", yearBE);
        r.put("registerNumber", n);
        r.put("registerNumberThai", ThaiText.thaiDigits(n));
        r.put("letterId", letterId);
    }
}
