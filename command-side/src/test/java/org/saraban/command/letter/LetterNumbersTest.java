package org.saraban.command.letter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.api.register.RegisterBookId;

class LetterNumbersTest {

    private static RegisterBookId book(String agency, RegisterBookType type) {
        return new RegisterBookId(agency, type, 2569);
    }

    @Test
    void a_sent_letter_prints_code_unit_and_number_in_thai_digits() {
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.SENT), 1, "สพร", "๐๑")).isEqualTo("สพร ๐๑/๑");
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.SENT), 156, "สพร", "๐๑"))
                .isEqualTo("สพร ๐๑/๑๕๖");
    }

    @Test
    void a_circular_prints_the_wor_series() {
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.CIRCULAR), 1, "สพร", "๐๑"))
                .isEqualTo("สพร ๐๑/ว ๑");
    }

    @Test
    void an_order_prints_number_over_buddhist_year() {
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.ORDER), 1, "สพร", "๐๑")).isEqualTo("๑/๒๕๖๙");
    }

    @Test
    void a_unit_follows_an_agency_code_ending_in_a_thai_digit_directly() {
        assertThat(LetterNumbers.format(book("นร ๑๒", RegisterBookType.SENT), 1, "นร ๑๒", "๑๐"))
                .isEqualTo("นร ๑๒๑๐/๑");
    }

    @Test
    void a_unit_follows_an_agency_code_ending_in_an_arabic_digit_directly_and_all_digits_become_thai() {
        assertThat(LetterNumbers.format(book("นร 12", RegisterBookType.SENT), 156, "นร 12", "10"))
                .isEqualTo("นร ๑๒๑๐/๑๕๖");
    }

    @Test
    void without_a_unit_the_agency_code_stands_alone() {
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.SENT), 3, "สพร", null)).isEqualTo("สพร/๓");
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.SENT), 3, "สพร", " ")).isEqualTo("สพร/๓");
    }

    @Test
    void announcements_and_received_numbers_print_no_reference_number() {
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.ANNOUNCEMENT), 1, "สพร", "๐๑")).isNull();
        assertThat(LetterNumbers.format(book("สพร", RegisterBookType.RECEIVED), 1, "สพร", "๐๑")).isNull();
    }

    @Test
    void a_copy_id_is_the_same_for_the_same_letter_and_agency_and_differs_otherwise() {
        String copy = CopyIds.copyId("letter-1", "กค");
        assertThat(CopyIds.copyId("letter-1", "กค")).isEqualTo(copy);
        assertThat(CopyIds.copyId("letter-1", "สพร")).isNotEqualTo(copy);
        assertThat(CopyIds.copyId("letter-2", "กค")).isNotEqualTo(copy);
        assertThat(copy).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
