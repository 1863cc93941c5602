package org.saraban.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ThaiTextTest {

    @Test
    void arabic_digits_become_thai_digits_and_back() {
        assertThat(ThaiText.thaiDigits("0123456789")).isEqualTo("๐๑๒๓๔๕๖๗๘๙");
        assertThat(ThaiText.arabicDigits("๐๑๒๓๔๕๖๗๘๙")).isEqualTo("0123456789");
        for (int n = 0; n <= 10_000; n += 7) {
            assertThat(ThaiText.arabicDigits(ThaiText.thaiDigits(n))).isEqualTo(Integer.toString(n));
        }
    }

    @Test
    void other_characters_are_kept() {
        assertThat(ThaiText.thaiDigits("สพร 01/ว 15 abc")).isEqualTo("สพร ๐๑/ว ๑๕ abc");
        assertThat(ThaiText.arabicDigits("นร ๑๒๑๐/๑๕๖")).isEqualTo("นร 1210/156");
        assertThat(ThaiText.thaiDigits((String) null)).isNull();
        assertThat(ThaiText.arabicDigits(null)).isNull();
    }

    @Test
    void a_number_is_printed_in_thai_digits() {
        assertThat(ThaiText.thaiDigits(2569L)).isEqualTo("๒๕๖๙");
    }

    @Test
    void a_date_prints_day_full_month_and_buddhist_year() {
        assertThat(ThaiText.date(LocalDate.of(2026, 11, 21))).isEqualTo("๒๑ พฤศจิกายน ๒๕๖๙");
        assertThat(ThaiText.date(LocalDate.of(2027, 1, 1))).isEqualTo("๑ มกราคม ๒๕๗๐");
    }

    @Test
    void an_instant_is_dated_in_bangkok() {
        // 20 November 17.30 UTC is already 21 November 00.30 in Bangkok
        assertThat(ThaiText.date(Instant.parse("2026-11-20T17:30:00Z"))).isEqualTo("๒๑ พฤศจิกายน ๒๕๖๙");
        assertThat(ThaiText.date((Instant) null)).isNull();
    }

    @Test
    void time_is_printed_as_hours_dot_minutes_with_nor() {
        assertThat(ThaiText.time(Instant.parse("2026-11-21T02:30:00Z"))).isEqualTo("๐๙.๓๐ น.");
        assertThat(ThaiText.dateTime(Instant.parse("2026-11-21T02:30:00Z")))
                .isEqualTo("๒๑ พฤศจิกายน ๒๕๖๙ เวลา ๐๙.๓๐ น.");
    }

    @Test
    void the_short_date_of_a_receipt_stamp_abbreviates_month_and_year() {
        assertThat(ThaiText.shortDate(Instant.parse("2026-11-21T02:30:00Z"))).isEqualTo("๒๑ พ.ย. ๖๙");
    }

    @Test
    void the_buddhist_year_turns_at_midnight_in_bangkok() {
        assertThat(ThaiText.buddhistYear(2026)).isEqualTo(2569);
        assertThat(ThaiText.buddhistYear(Instant.parse("2026-12-31T16:59:59Z"))).isEqualTo(2569);
        assertThat(ThaiText.buddhistYear(Instant.parse("2026-12-31T17:30:00Z"))).isEqualTo(2570);
    }

    @Test
    void months_have_their_thai_names() {
        assertThat(ThaiText.monthName(1)).isEqualTo("มกราคม");
        assertThat(ThaiText.monthName(12)).isEqualTo("ธันวาคม");
    }
}
