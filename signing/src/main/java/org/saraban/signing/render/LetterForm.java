package org.saraban.signing.render;

import java.util.List;
import java.util.Objects;

/**
 * Everything a letter prints, field by field, already formatted as it should appear (Thai digits,
 * Buddhist-Era dates: see {@link ThaiDates} and {@link Numerals}). The renderer adds only what the form
 * itself prints: labels, numbering of references and enclosures, page numbers, continuation words.
 * Lists are never null; a field the kind does not print is ignored.
 *
 * @param kind which form
 * @param urgency ชั้นความเร็ว as printed ({@code ด่วน}, {@code ด่วนมาก}, {@code ด่วนที่สุด},
 *        {@code ด่วนภายใน …}), or null
 * @param secrecy ชั้นความลับ as printed ({@code ลับ}, {@code ลับมาก}, {@code ลับที่สุด}), or null
 * @param issuer the issuing agency (ส่วนราชการเจ้าของหนังสือ)
 * @param number ที่ as printed ({@code สพร ๒๕๖๘/๓๑๗}, {@code ๑๕/๒๕๖๘}); for a statement or news
 *        release the whole {@code ฉบับที่ ๑}, for minutes {@code ครั้งที่ ๑/๒๕๖๘}; null when none
 * @param date the letter's date as printed ({@code ๔ มีนาคม ๒๕๖๘}): สั่ง ณ / ประกาศ ณ / ให้ไว้ ณ วันที่
 *        for orders, regulations, announcements and certificates, the meeting date for minutes
 * @param subject เรื่อง; for a regulation or by-law its "ว่าด้วย…" title, for minutes the title
 * @param salutation คำขึ้นต้น without the addressee ({@code เรียน}, {@code ถึง})
 * @param to addressees
 * @param references อ้างถึง, one per item, without numbering
 * @param enclosures สิ่งที่ส่งมาด้วย, one per item, without numbering
 * @param body paragraphs
 * @param closing คำลงท้าย, or null
 * @param signatory who signs (for a stamped letter the official who initials the stamp, for minutes
 *        the minute-taker), or null
 * @param ownerUnit ส่วนราชการเจ้าของเรื่อง and its contacts, or null
 * @param copiesTo สำเนาส่ง
 */
public record LetterForm(
        FormKind kind,
        String urgency,
        String secrecy,
        Issuer issuer,
        String number,
        String date,
        String subject,
        String salutation,
        List<String> to,
        List<String> references,
        List<String> enclosures,
        List<String> body,
        String closing,
        Signatory signatory,
        OwnerUnit ownerUnit,
        List<String> copiesTo) {

    public LetterForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        to = to == null ? List.of() : List.copyOf(to);
        references = references == null ? List.of() : List.copyOf(references);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        body = body == null ? List.of() : List.copyOf(body);
        copiesTo = copiesTo == null ? List.of() : List.copyOf(copiesTo);
    }
}
