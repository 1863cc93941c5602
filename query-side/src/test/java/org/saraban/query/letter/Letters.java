package org.saraban.query.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.DeliveryMethod;
import org.saraban.api.letter.DraftLetterCreatedEvent;
import org.saraban.api.letter.Enclosure;
import org.saraban.api.letter.LetterAcknowledgedEvent;
import org.saraban.api.letter.LetterApprovedEvent;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterDeliveredEvent;
import org.saraban.api.letter.LetterDeliveryRecordedEvent;
import org.saraban.api.letter.LetterDispatchedEvent;
import org.saraban.api.letter.LetterDispatchedEvent.Dispatch;
import org.saraban.api.letter.LetterFiledEvent;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.LetterReceivedEvent;
import org.saraban.api.letter.LetterRoutedEvent;
import org.saraban.api.letter.LetterSignedEvent;
import org.saraban.api.letter.LetterSubmittedEvent;
import org.saraban.api.letter.OwnerUnit;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.Urgency;
import org.saraban.api.register.NumberVoidedEvent;
import org.saraban.api.register.RegisterBookId;

/**
 * People, content and events of the letter read-model tests: a letter sent by สพร to นร ๐๕, and the
 * copy นร ๐๕ receives. (command-side's {@code Samples} is package-private to its aggregate tests.)
 */
final class Letters {

    static final String AGENCY = "สพร";
    static final String AGENCY_NAME = "สำนักงานพัฒนารัฐบาลดิจิทัล";
    static final String UNIT = "๐๑";
    static final String OTHER_UNIT = "๐๒";

    static final String RECEIVER = "นร ๐๕";
    static final String RECEIVER_NAME = "สำนักเลขาธิการคณะรัฐมนตรี";

    /** 21 November 2026, 09.30 in Bangkok: Buddhist year 2569. */
    static final Instant AT = Instant.parse("2026-11-21T02:30:00Z");
    static final String AT_ISO = "2026-11-21T09:30:00+07:00";
    static final String AT_THAI = "๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๓๐ น.";
    /** 23 November 2026, 10.15 in Bangkok. */
    static final Instant DISPATCH_AT = Instant.parse("2026-11-23T03:15:00Z");
    static final String DISPATCH_ISO = "2026-11-23T10:15:00+07:00";
    static final String DISPATCH_DATE_THAI = "๒๓ พฤศจิกายน ๒๕๖๙";
    /** 24 November 2026, 09.05 in Bangkok. */
    static final Instant RECEIVE_AT = Instant.parse("2026-11-24T02:05:00Z");
    static final int YEAR_BE = 2569;

    // sender: สพร
    static final Actor AUTHOR = actor("p-author", "นายผู้ร่าง", "นักวิเคราะห์นโยบายและแผน", AGENCY, UNIT, Role.OFFICER);
    static final Actor APPROVER = actor("p-approver", "นายผู้อนุมัติ", "ผู้อำนวยการกองกลาง", AGENCY, UNIT,
            Role.APPROVER);
    static final Actor SIGNER = actor("p-signer", "นายผู้ลงนาม", "ผู้อำนวยการสำนักงาน", AGENCY, null, Role.SIGNER);
    static final Actor CLERK = actor("p-clerk", "นางสาวสารบรรณ", "เจ้าพนักงานธุรการ", AGENCY, UNIT, Role.CLERK);

    // recipient: นร ๐๕
    static final Actor R_CLERK = actor("r-clerk", "นางสาวรับหนังสือ", "เจ้าพนักงานธุรการ", RECEIVER, "๐๑", Role.CLERK);
    static final Actor R_DIRECTOR = actor("r-director", "นายผู้อำนวยการ", "ผู้อำนวยการกอง", RECEIVER, "๐๐",
            Role.APPROVER, Role.SIGNER);
    static final Actor R_OFFICER = actor("r-officer", "นางนักวิชาการ", "นักวิชาการคอมพิวเตอร์", RECEIVER, "๐๓",
            Role.OFFICER);

    static final Recipient TO_RECEIVER = new Recipient(RECEIVER, null, null, "เลขาธิการคณะรัฐมนตรี", null);
    static final Recipient OUTSIDE = new Recipient(null, null, null, null, "บริษัท ตัวอย่าง จำกัด");

    private Letters() {
    }

    static Actor actor(String id, String name, String position, String agency, String unit, Role... roles) {
        return new Actor(id, name, position, agency, unit, Set.of(roles), "PASSWORD");
    }

    static String number(long n) {
        return ThaiText.thaiDigits(AGENCY + " " + UNIT + "/" + n);
    }

    // ------------------------------------------------------------------ content

    /** An external letter to นร ๐๕, with a copy to a company outside the system. */
    static LetterContent external(String subject) {
        return content(subject, Secrecy.NONE, false, List.of(TO_RECEIVER), List.of(OUTSIDE));
    }

    static LetterContent content(String subject, Secrecy secrecy, boolean circular, List<Recipient> to,
                                 List<Recipient> copiesTo) {
        return new LetterContent(LetterKind.EXTERNAL, circular, Urgency.URGENT, null, secrecy, subject, "เรียน", to,
                List.of("หนังสือ นร ๐๕๐๑/ว ๑ ลงวันที่ ๑ ตุลาคม ๒๕๖๙"),
                List.of(new Enclosure("กำหนดการ", null, null, null, null)),
                List.of("ด้วยสำนักงานจะจัดประชุม", "จึงเรียนมาเพื่อโปรดพิจารณา"), "ขอแสดงความนับถือ", SIGNER.ref(),
                new OwnerUnit("กองกลาง", "๐ ๒๖๑๒ ๖๐๐๐", null, "saraban@dga.or.th"), copiesTo, null);
    }

    // ------------------------------------------------------------------ outgoing events

    static DraftLetterCreatedEvent created(String letterId, LetterContent content) {
        return created(letterId, AGENCY, AGENCY_NAME, AUTHOR, content);
    }

    static DraftLetterCreatedEvent created(String letterId, String agency, String agencyName, Actor author,
                                           LetterContent content) {
        return new DraftLetterCreatedEvent(letterId, agency, agencyName, author.unitCode(), author.ref(), content, AT);
    }

    static LetterSubmittedEvent submitted(String letterId) {
        return new LetterSubmittedEvent(letterId, AUTHOR.ref(), APPROVER.ref(), AT.plusSeconds(600));
    }

    static LetterApprovedEvent approved(String letterId) {
        return new LetterApprovedEvent(letterId, APPROVER.ref(), "เห็นชอบ", "a".repeat(64), AT.plusSeconds(1200));
    }

    static LetterSignedEvent signed(String letterId) {
        return new LetterSignedEvent(letterId, SIGNER.ref(), "TYPED_NAME", "PASSWORD", "a".repeat(64),
                AT.plusSeconds(1800));
    }

    /**
     * Number {@code n} of the sent register. Recipients in the system get electronic copies (the first one
     * {@code copyId}, later ones {@code copyId-i}); recipients outside it are sent on paper.
     */
    static LetterDispatchedEvent dispatched(String letterId, LetterContent content, long n, String copyId) {
        return dispatched(letterId, AGENCY, AGENCY_NAME, content, RegisterBookType.SENT, YEAR_BE, n, number(n),
                copyId, DISPATCH_AT);
    }

    static LetterDispatchedEvent dispatched(String letterId, String agency, String agencyName, LetterContent content,
                                            RegisterBookType book, int yearBE, long n, String number, String copyId,
                                            Instant at) {
        List<Dispatch> deliveries = new ArrayList<>();
        List<Recipient> all = content.allRecipients();
        for (int i = 0; i < all.size(); i++) {
            Recipient r = all.get(i);
            boolean copyOnly = i >= content.to().size();
            deliveries.add(r.inSystem()
                    ? new Dispatch(r, copyOnly, DeliveryMethod.ELECTRONIC, i == 0 ? copyId : copyId + "-" + i)
                    : new Dispatch(r, copyOnly, DeliveryMethod.OUT_OF_BAND, null));
        }
        return new LetterDispatchedEvent(letterId, agency, agencyName, CLERK.ref(), book, yearBE, n, number,
                deliveries, content, List.of(SIGNER.ref()), at);
    }

    static LetterDeliveryRecordedEvent deliveryRecorded(String letterId, String copyId) {
        return new LetterDeliveryRecordedEvent(letterId, RECEIVER, copyId, DISPATCH_AT.plusSeconds(1));
    }

    static LetterAcknowledgedEvent acknowledged(String letterId, String copyId, String receivingNumber) {
        return new LetterAcknowledgedEvent(letterId, RECEIVER, copyId, receivingNumber, R_CLERK.ref(), RECEIVE_AT);
    }

    static NumberVoidedEvent voided(long n, String letterId, String reason) {
        RegisterBookId book = new RegisterBookId(AGENCY, RegisterBookType.SENT, YEAR_BE);
        return new NumberVoidedEvent(book.value(), AGENCY, RegisterBookType.SENT, YEAR_BE, n, letterId, CLERK.ref(),
                reason, DISPATCH_AT.plusSeconds(7200));
    }

    // ------------------------------------------------------------------ incoming events

    /** The copy of {@code letterId} arriving at นร ๐๕, addressed to {@code addressees}. */
    static LetterDeliveredEvent delivered(String copyId, String letterId, LetterContent content, String number,
                                          List<Recipient> addressees) {
        return delivered(copyId, letterId, RECEIVER, content, number, addressees);
    }

    static LetterDeliveredEvent delivered(String copyId, String letterId, String toAgency, LetterContent content,
                                          String number, List<Recipient> addressees) {
        return new LetterDeliveredEvent(copyId, letterId, AGENCY, AGENCY_NAME, toAgency, addressees, false, content,
                number, DISPATCH_AT, List.of(SIGNER.ref()), DISPATCH_AT.plusSeconds(1));
    }

    static LetterReceivedEvent received(String copyId, String letterId, long n) {
        return received(copyId, letterId, RECEIVER, R_CLERK, n);
    }

    static LetterReceivedEvent received(String copyId, String letterId, String agency, Actor clerk, long n) {
        return new LetterReceivedEvent(copyId, letterId, agency, clerk.ref(), YEAR_BE, n, ThaiText.thaiDigits(n),
                RECEIVE_AT);
    }

    static LetterRoutedEvent routedToUnit(String copyId, String routeId, String unitCode, String unitName) {
        return new LetterRoutedEvent(copyId, routeId, R_DIRECTOR.ref(), unitCode, unitName, null, "ดำเนินการ",
                LocalDate.of(2026, 11, 30), RECEIVE_AT.plusSeconds(3600));
    }

    static LetterRoutedEvent routedToPerson(String copyId, String routeId, PersonRef person) {
        return new LetterRoutedEvent(copyId, routeId, R_DIRECTOR.ref(), null, null, person,
                "พิจารณาดำเนินการ", LocalDate.of(2026, 11, 30), RECEIVE_AT.plusSeconds(3600));
    }

    static LetterFiledEvent filed(String letterId, Actor by, int keepUntilYearBE) {
        return new LetterFiledEvent(letterId, by.ref(), "๒.๓/๒๕๖๙", keepUntilYearBE - YEAR_BE, false, keepUntilYearBE,
                RECEIVE_AT.plusSeconds(86_400));
    }
}
