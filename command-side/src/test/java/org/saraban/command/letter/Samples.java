package org.saraban.command.letter;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.saraban.api.common.Actor;
import org.saraban.api.common.Role;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.OwnerUnit;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.StampedPurpose;

/** People, content and event histories shared by the letter tests. */
final class Samples {

    static final String AGENCY = "สพร";
    static final String AGENCY_NAME = "สำนักงานพัฒนารัฐบาลดิจิทัล";
    static final String UNIT = "๐๑";
    static final String OTHER_AGENCY = "กค";

    /** 21 November 2026, 09.30 in Bangkok: Buddhist year 2569. */
    static final Instant AT = Instant.parse("2026-11-21T02:30:00Z");
    static final Instant LATER = AT.plusSeconds(3600);

    static final Actor AUTHOR = actor("p-author", "นายผู้ร่าง", AGENCY, UNIT, Role.OFFICER);
    static final Actor OTHER_OFFICER = actor("p-officer2", "นางเจ้าหน้าที่", AGENCY, UNIT, Role.OFFICER);
    static final Actor APPROVER = actor("p-approver", "นายผู้อนุมัติ", AGENCY, UNIT, Role.APPROVER);
    static final Actor OTHER_APPROVER = actor("p-approver2", "นางผู้อนุมัติอื่น", AGENCY, UNIT, Role.APPROVER);
    static final Actor SIGNER = actor("p-signer", "นายผู้ลงนาม", AGENCY, null, Role.SIGNER);
    static final Actor OTHER_SIGNER = actor("p-signer2", "นางผู้ลงนามอื่น", AGENCY, null, Role.SIGNER);
    static final Actor CLERK = actor("p-clerk", "นางสาวสารบรรณ", AGENCY, UNIT, Role.CLERK);
    static final Actor RECORDS_OFFICER = actor("p-records", "นายเก็บรักษา", AGENCY, UNIT, Role.RECORDS_OFFICER);
    /** Holds every role, but in another agency: must never see this agency's letters. */
    static final Actor STRANGER = actor("p-stranger", "นายต่างหน่วย", OTHER_AGENCY, "๐๒", Role.values());

    /** People of the recipient agency (กค), acting on the received copy. */
    static final Actor RECEIVING_CLERK = actor("k-clerk", "นางสาวรับหนังสือ", OTHER_AGENCY, "๐๑", Role.CLERK);
    static final Actor RECEIVING_DIRECTOR = actor("k-director", "นายอธิบดี", OTHER_AGENCY, "๐๐", Role.SIGNER);
    static final Actor RECEIVING_OFFICER = actor("k-officer", "นางนักวิชาการ", OTHER_AGENCY, "๐๓", Role.OFFICER);
    static final Actor RECEIVING_COLLEAGUE = actor("k-colleague", "นายเพื่อนร่วมกอง", OTHER_AGENCY, "๐๓",
            Role.OFFICER);
    static final Actor RECEIVING_OUTSIDER = actor("k-other-unit", "นายอีกกอง", OTHER_AGENCY, "๐๙", Role.OFFICER);

    static final Recipient TO_OTHER_AGENCY = new Recipient(OTHER_AGENCY, null, null, "อธิบดีกรมบัญชีกลาง", null);
    static final Recipient OUTSIDE_SYSTEM = new Recipient(null, null, null, null, "บริษัท ตัวอย่าง จำกัด");

    private Samples() {
    }

    static Actor actor(String id, String name, String agency, String unit, Role... roles) {
        return new Actor(id, name, "ตำแหน่งของ " + name, agency, unit, Set.of(roles), "PASSWORD");
    }

    static LetterContent external() {
        return external(Secrecy.NONE, false);
    }

    static LetterContent external(Secrecy secrecy, boolean circular) {
        return new LetterContent(LetterKind.EXTERNAL, circular, null, null, secrecy, "ขอเชิญประชุม", "เรียน",
                List.of(TO_OTHER_AGENCY), List.of(), List.of(), List.of("ด้วยสำนักงานจะจัดประชุม"),
                "ขอแสดงความนับถือ", SIGNER.ref(), new OwnerUnit("กองกลาง", "๐ ๒๖๑๒ ๖๐๐๐", null, null),
                List.of(OUTSIDE_SYSTEM), null);
    }

    static LetterContent order() {
        return new LetterContent(LetterKind.ORDER, false, null, null, null, "แต่งตั้งคณะทำงาน", null, List.of(),
                List.of(), List.of(), List.of("ให้บุคคลต่อไปนี้เป็นคณะทำงาน"), null, SIGNER.ref(), null, List.of(), null);
    }

    static LetterContent stamped(StampedPurpose purpose) {
        return new LetterContent(LetterKind.STAMPED, false, null, null, null, null, "ถึง", List.of(TO_OTHER_AGENCY),
                List.of(), List.of(), List.of("ขอส่งสำเนาเอกสารมาเพื่อทราบ"), null, SIGNER.ref(),
                new OwnerUnit("กองกลาง", null, null, null), List.of(), purpose);
    }

    static LetterContent news() {
        return new LetterContent(LetterKind.NEWS, false, null, null, null, "ข่าวสำนักงาน", null, List.of(), List.of(),
                List.of(), List.of("สำนักงานเปิดบริการใหม่"), null, null, null, List.of(), null);
    }

    static LetterContent memo() {
        return new LetterContent(LetterKind.MEMO, false, null, null, null, "บันทึกช่วยจำ", null,
                List.of(new Recipient(AGENCY, "๐๒", null, "ผู้อำนวยการกอง", null)), List.of(), List.of(),
                List.of("ขอบันทึกไว้ว่า"), null, SIGNER.ref(), null, List.of(), null);
    }

    // ------------------------------------------------------------------ histories

    static DraftLetterCreatedEvent created(String letterId, LetterContent content) {
        return new DraftLetterCreatedEvent(letterId, AGENCY, AGENCY_NAME, UNIT, AUTHOR.ref(), content, AT);
    }

    static LetterSubmittedEvent submitted(String letterId) {
        return new LetterSubmittedEvent(letterId, AUTHOR.ref(), APPROVER.ref(), AT);
    }

    static LetterApprovedEvent approved(String letterId, LetterContent content) {
        return new LetterApprovedEvent(letterId, APPROVER.ref(), "เห็นชอบ", ContentHash.of(content), AT);
    }

    static LetterSignedEvent signed(String letterId, LetterContent content) {
        return new LetterSignedEvent(letterId, SIGNER.ref(), "TYPED_NAME", "PASSWORD", ContentHash.of(content), AT);
    }

    /** A letter drafted, submitted and approved: ready to sign. */
    static List<Object> approvedHistory(String letterId, LetterContent content) {
        return List.of(created(letterId, content), submitted(letterId), approved(letterId, content));
    }

    /** A letter drafted, submitted, approved and signed: ready to dispatch. */
    static List<Object> signedHistory(String letterId, LetterContent content) {
        return List.of(created(letterId, content), submitted(letterId), approved(letterId, content),
                signed(letterId, content));
    }
}
