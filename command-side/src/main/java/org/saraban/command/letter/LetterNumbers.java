package org.saraban.command.letter;

import org.saraban.api.common.ThaiText;
import org.saraban.api.register.RegisterBookId;

/**
 * The ที่ as printed (DOMAIN.md §1.5), in Thai digits: {@code <code> <unit>/<n>} for the sending
 * register, {@code <code> <unit>/ว <n>} for circulars, {@code <n>/<year>} for orders. Where the agency
 * code ends in a digit (นร ๑๒), the unit number follows it directly (นร ๑๒๑๐/๑๕๖).
 */
final class LetterNumbers {

    private LetterNumbers() {
    }

    static String format(RegisterBookId book, long n, String agencyCode, String unitCode) {
        String prefix = agencyCode + unitPart(agencyCode, unitCode);
        String number = switch (book.book()) {
            case SENT -> prefix + "/" + n;
            case CIRCULAR -> prefix + "/ว " + n;
            case ORDER -> n + "/" + book.yearBE();
            case ANNOUNCEMENT, RECEIVED -> null;
        };
        return ThaiText.thaiDigits(number);
    }

    private static String unitPart(String agencyCode, String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return "";
        }
        char last = agencyCode.charAt(agencyCode.length() - 1);
        boolean endsInDigit = Character.isDigit(last) || (last >= '๐' && last <= '๙');
        return (endsInDigit ? "" : " ") + unitCode;
    }
}
