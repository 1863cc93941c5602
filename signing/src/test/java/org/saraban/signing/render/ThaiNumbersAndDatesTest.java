package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThaiNumbersAndDatesTest {

    @Test
    void every_digit_goes_to_thai_and_back() {
        assertThat(Numerals.THAI.digits("0123456789")).isEqualTo("๐๑๒๓๔๕๖๗๘๙");
        assertThat(Numerals.ARABIC.digits("๐๑๒๓๔๕๖๗๘๙")).isEqualTo("0123456789");
        assertThat(Numerals.ARABIC.digits(Numerals.THAI.digits("สพร 2568/317"))).isEqualTo("สพร 2568/317");
        assertThat(Numerals.THAI.format(2568)).isEqualTo("๒๕๖๘");
    }

    @Test
    void dates_print_day_full_month_and_buddhist_era_year() {
        assertThat(ThaiDates.longDate(LocalDate.of(2025, 3, 4), Numerals.THAI)).isEqualTo("๔ มีนาคม ๒๕๖๘");
        assertThat(ThaiDates.longDate(LocalDate.of(2020, 1, 31), Numerals.THAI)).isEqualTo("๓๑ มกราคม ๒๕๖๓");
        assertThat(ThaiDates.longDate(LocalDate.of(2025, 12, 1), Numerals.ARABIC)).isEqualTo("1 ธันวาคม 2568");
        assertThat(ThaiDates.buddhistYear(2026)).isEqualTo(2569);
    }

    @Test
    void an_acting_position_prints_the_acting_phrase_at_the_end_of_its_first_line() {
        Signatory s = Signatory.of("นายประเสริฐ วงศ์ไพบูลย์", "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมการปกครอง");
        assertThat(s.position()).containsExactly("รองอธิบดี ปฏิบัติราชการแทน ", "อธิบดีกรมการปกครอง");
        assertThat(Signatory.of("นายชยพล ธรรมวัฒนา", "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล").position())
                .isEqualTo(List.of("ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล"));
    }
}
