package org.saraban.api.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Thai digits, Buddhist-Era years and dates as official letters print them
 * (DOMAIN.md §7: day number, full month name, BE year; time as "๐๙.๓๐ น.").
 */
public final class ThaiText {

    /** Official time zone; the numbering year is the calendar year here (DESIGN.md §3). */
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static final String[] MONTHS = {
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
    private static final String[] MONTHS_SHORT = {
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

    private static final String[] WEEKDAYS = {"จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"};

    private ThaiText() {
    }

    /** Replaces Arabic digits 0–9 with Thai digits ๐–๙; everything else is kept. */
    public static String thaiDigits(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
        }
        return b.toString();
    }

    /** Replaces Thai digits ๐–๙ with Arabic digits. */
    public static String arabicDigits(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
        }
        return b.toString();
    }

    public static String thaiDigits(long n) {
        return thaiDigits(Long.toString(n));
    }

    public static int buddhistYear(int gregorianYear) {
        return gregorianYear + 543;
    }

    /** The Buddhist-Era calendar year of an instant in Asia/Bangkok. */
    public static int buddhistYear(Instant at) {
        return buddhistYear(at.atZone(BANGKOK).getYear());
    }

    /** "๒๑ พฤศจิกายน ๒๕๖๙". */
    public static String date(LocalDate d) {
        return thaiDigits(d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + buddhistYear(d.getYear()));
    }

    public static String date(Instant at) {
        return at == null ? null : date(at.atZone(BANGKOK).toLocalDate());
    }

    /** "๒๑ พ.ย. ๖๙", the abbreviated form used on receipt stamps. */
    public static String shortDate(Instant at) {
        ZonedDateTime z = at.atZone(BANGKOK);
        return thaiDigits(z.getDayOfMonth() + " " + MONTHS_SHORT[z.getMonthValue() - 1] + " "
                + String.format("%02d", buddhistYear(z.getYear()) % 100));
    }

    /** "๐๙.๓๐ น.". */
    public static String time(Instant at) {
        ZonedDateTime z = at.atZone(BANGKOK);
        return thaiDigits(String.format("%02d.%02d", z.getHour(), z.getMinute())) + " น.";
    }

    /** "๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๓๐ น.". */
    public static String dateTime(Instant at) {
        return at == null ? null : date(at) + " เวลา " + time(at);
    }

    /** The day of the week in Asia/Bangkok, as after วัน: "อังคาร". */
    public static String weekday(Instant at) {
        return WEEKDAYS[at.atZone(BANGKOK).getDayOfWeek().getValue() - 1];
    }

    public static String monthName(int month) {
        return MONTHS[month - 1];
    }
}
