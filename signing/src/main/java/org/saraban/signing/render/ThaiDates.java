package org.saraban.signing.render;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.Locale;

/**
 * Dates as letters print them: day number, full month name, Buddhist-Era year (DOMAIN.md §7,
 * e.g. {@code ๓๑ มกราคม ๒๕๖๓}), from the JDK's Thai Buddhist calendar and CLDR month names.
 */
public final class ThaiDates {

    /** The calendar day and year of official business are those of Asia/Bangkok (DESIGN.md §3). */
    public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("th-TH"))
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private ThaiDates() {
    }

    /** {@code ๔ มีนาคม ๒๕๖๘} with Thai digits, or {@code 4 มีนาคม 2568} with Arabic. */
    public static String longDate(LocalDate date, Numerals numerals) {
        return LONG.withDecimalStyle(DecimalStyle.STANDARD.withZeroDigit(numerals.zero())).format(date);
    }

    /** The Buddhist-Era year of a Gregorian one (BE = CE + 543). */
    public static int buddhistYear(int gregorianYear) {
        return gregorianYear + 543;
    }
}
