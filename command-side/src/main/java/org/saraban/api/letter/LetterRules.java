package org.saraban.api.letter;

import java.util.ArrayList;
import java.util.List;

import org.saraban.api.common.FieldError;

/**
 * The per-kind field rules of the regulation's forms (DOMAIN.md §1.3, §9 "Letter model"). Field names
 * are the JSON names of the API so that a client can show each error beside its field.
 */
public final class LetterRules {

    public static final int MAX_SUBJECT = 500;
    public static final int MAX_PARAGRAPH = 20_000;
    public static final int MAX_PARAGRAPHS = 200;
    public static final int MAX_RECIPIENTS = 500;

    private LetterRules() {
    }

    public static List<FieldError> check(LetterContent c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.kind() == null) {
            errors.add(new FieldError("kind", "required"));
            return errors;
        }
        LetterKind k = c.kind();
        boolean needsSubject = switch (k) {
            case STAMPED, CERTIFICATE -> false; // their forms have no เรื่อง
            default -> true;
        };
        boolean needsSalutation = k == LetterKind.EXTERNAL || k == LetterKind.INTERNAL || k == LetterKind.STAMPED;
        boolean needsClosing = k == LetterKind.EXTERNAL;
        boolean needsSignatory = !(k == LetterKind.STATEMENT || k == LetterKind.NEWS); // issued in the agency's name
        boolean needsOwnerUnit = k == LetterKind.EXTERNAL || k == LetterKind.INTERNAL || k == LetterKind.STAMPED;

        if (needsSubject && blank(c.subject())) {
            errors.add(new FieldError("subject", "required for " + k + " (เรื่อง)"));
        }
        if (c.subject() != null && c.subject().length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "at most " + MAX_SUBJECT + " characters"));
        }
        if (needsSalutation && blank(c.salutation())) {
            errors.add(new FieldError("salutation", "required for " + k + " (คำขึ้นต้น)"));
        }
        if (k.addressed() && c.to().isEmpty()) {
            errors.add(new FieldError("to", "at least one addressee is required for " + k));
        }
        if (c.to().size() + c.copiesTo().size() > MAX_RECIPIENTS) {
            errors.add(new FieldError("to", "at most " + MAX_RECIPIENTS + " recipients"));
        }
        checkRecipients("to", c.to(), errors);
        checkRecipients("copiesTo", c.copiesTo(), errors);
        if (c.body().isEmpty() || c.body().stream().allMatch(LetterRules::blank)) {
            errors.add(new FieldError("body", "required (ข้อความ)"));
        }
        if (c.body().size() > MAX_PARAGRAPHS) {
            errors.add(new FieldError("body", "at most " + MAX_PARAGRAPHS + " paragraphs"));
        }
        for (int i = 0; i < c.body().size(); i++) {
            if (c.body().get(i) == null) {
                errors.add(new FieldError("body[" + i + "]", "must not be null"));
            } else if (c.body().get(i).length() > MAX_PARAGRAPH) {
                errors.add(new FieldError("body[" + i + "]", "at most " + MAX_PARAGRAPH + " characters"));
            }
        }
        if (needsClosing && blank(c.closing())) {
            errors.add(new FieldError("closing", "required for " + k + " (คำลงท้าย)"));
        }
        if (needsSignatory && c.signatory() == null) {
            errors.add(new FieldError("signatory", "required for " + k + " (ลงชื่อ)"));
        }
        if (needsOwnerUnit && (c.ownerUnit() == null || blank(c.ownerUnit().name()))) {
            errors.add(new FieldError("ownerUnit.name", "required for " + k + " (ส่วนราชการเจ้าของเรื่อง)"));
        }
        if (k == LetterKind.STAMPED && c.stampedPurpose() == null) {
            errors.add(new FieldError("stampedPurpose",
                    "a stamped letter is allowed only for one of the six minor matters of ข้อ ๑๓"));
        }
        if (k != LetterKind.STAMPED && c.stampedPurpose() != null) {
            errors.add(new FieldError("stampedPurpose", "only a STAMPED letter has a purpose"));
        }
        if (c.circular() && !(k == LetterKind.EXTERNAL || k == LetterKind.INTERNAL || k == LetterKind.STAMPED)) {
            errors.add(new FieldError("circular", "only external, internal or stamped letters can be circular"));
        }
        for (int i = 0; i < c.enclosures().size(); i++) {
            Enclosure e = c.enclosures().get(i);
            if (e == null || blank(e.title())) {
                errors.add(new FieldError("enclosures[" + i + "].title", "required"));
            }
            if (e != null && e.sha256() != null && !e.sha256().matches("[0-9a-f]{64}")) {
                errors.add(new FieldError("enclosures[" + i + "].sha256", "must be a lowercase hex SHA-256"));
            }
        }
        for (int i = 0; i < c.references().size(); i++) {
            if (blank(c.references().get(i))) {
                errors.add(new FieldError("references[" + i + "]", "must not be blank"));
            }
        }
        return errors;
    }

    private static void checkRecipients(String field, List<Recipient> list, List<FieldError> errors) {
        for (int i = 0; i < list.size(); i++) {
            Recipient r = list.get(i);
            if (r == null || (blank(r.agencyCode()) && blank(r.position()) && blank(r.name()))) {
                errors.add(new FieldError(field + "[" + i + "]", "needs an agencyCode, a position or a name"));
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
