package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** What makes a letter findable: Thai without spaces, Thai or Arabic digits, either era, ranking. */
class LetterSearchTest {

    private static Document letter(String subject, String... body) {
        Document d = new Document("subject", subject).append("body", List.of(body)).append("number", "สพร ๒๕๖๘/๓๑๗")
                .append("date", "2025-03-10").append("dateThai", "๑๐ มีนาคม ๒๕๖๘").append("fromAgencyCode", "สพร")
                .append("fromAgencyName", "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)");
        LetterSearch.index(d);
        return d;
    }

    @Test
    void thai_digits_read_as_arabic_and_spaces_collapse() {
        assertThat(LetterSearch.normalize("ที่ สพร  ๒๕๖๘/๓๑๗\u200b")).isEqualTo("ที่ สพร 2568/317");
    }

    @Test
    void a_phrase_the_dictionary_splits_badly_is_still_found_by_its_trigrams() {
        Document d = letter("ขอความร่วมมือจัดทำธรรมาภิบาลข้อมูลภาครัฐ", "ตามที่สำนักงานได้ดำเนินการ");
        // the JDK's dictionary reads ธรรมาภิบาลข้อ|มูล: words alone would miss it
        assertThat(LetterSearch.words("ธรรมาภิบาลข้อมูล")).doesNotContain("ข้อมูล");
        assertThat(d.getList(LetterSearch.GRAMS, String.class))
                .containsAll(LetterSearch.grams(LetterSearch.normalize("ธรรมาภิบาลข้อมูล")));
        assertThat(LetterSearch.score(d, LetterSearch.parts("ธรรมาภิบาลข้อมูล"))).isPositive();
        assertThat(LetterSearch.score(d, LetterSearch.parts("ธรรมาภิบาลการเงิน"))).isZero();
    }

    @Test
    void numbers_and_dates_are_found_in_either_digits_and_either_era() {
        Document d = letter("ขอเชิญประชุม", "วันที่ ๑๐ มีนาคม ๒๕๖๘");
        for (String q : List.of("๒๕๖๘/๓๑๗", "2568/317", "2025-03-10", "10/3/2568", "10/3/2025", "มีนาคม 2025",
                "๑๐ มีนาคม ๒๕๖๘")) {
            assertThat(LetterSearch.score(d, LetterSearch.parts(q))).as(q).isPositive();
        }
    }

    @Test
    void agency_names_are_a_filter_not_free_text() {
        Document d = letter("ขอเชิญประชุม", "เนื้อความ");
        assertThat(LetterSearch.score(d, LetterSearch.parts("รัฐบาลดิจิทัล"))).isZero();
        assertThat(LetterSearch.agencyMatches(d, "รัฐบาลดิจิทัล")).isTrue();
        assertThat(LetterSearch.agencyMatches(d, "สพร")).isTrue();
        assertThat(LetterSearch.agencyMatches(d, "นร ๐๕")).isFalse();
    }

    @Test
    void a_hit_in_the_subject_ranks_above_one_in_the_body_and_the_snippet_shows_it() {
        Document inSubject = letter("รายงานโครงการนำร่อง", "เนื้อความ");
        Document inBody = letter("รายงาน", "ผลของโครงการนำร่องในไตรมาสแรก");
        List<String> q = LetterSearch.parts("โครงการนำร่อง");
        assertThat(LetterSearch.score(inSubject, q)).isGreaterThan(LetterSearch.score(inBody, q));
        assertThat(LetterSearch.snippet(inBody, q, 40)).contains("โครงการนำร่อง");
    }
}
