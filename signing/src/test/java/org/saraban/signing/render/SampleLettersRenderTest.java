package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample letter of {@code ../shared/samples/letters}, and a by-law and a news release (the two
 * kinds the samples lack), rendered and read back: every field comes out of the PDF's text exactly.
 * Paragraphs are compared as a reader joins wrapped lines: with the line breaks removed, the text
 * must be the paragraph as typed, so a wrong break, a lost space or an extra one all fail.
 */
class SampleLettersRenderTest {

    private final LetterRenderer renderer = new LetterRenderer();

    @TestFactory
    Stream<DynamicTest> every_field_of_every_sample_letter_comes_back_from_the_pdf_text() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : SampleLetters.files()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(),
                    () -> everyFieldComesBack(SampleLetters.form(SampleLetters.json(file)))));
        }
        tests.add(DynamicTest.dynamicTest("BYLAW (no sample)", () -> everyFieldComesBack(bylaw())));
        tests.add(DynamicTest.dynamicTest("NEWS (no sample)", () -> everyFieldComesBack(news())));
        return tests.stream();
    }

    @Test
    void the_samples_and_the_two_added_letters_cover_all_twelve_kinds() {
        Set<FormKind> kinds = EnumSet.noneOf(FormKind.class);
        SampleLetters.files().forEach(f -> kinds.add(SampleLetters.form(SampleLetters.json(f)).kind()));
        kinds.add(bylaw().kind());
        kinds.add(news().kind());
        assertThat(kinds).containsExactlyInAnyOrder(FormKind.values());
    }

    private void everyFieldComesBack(LetterForm form) {
        RenderedPdf pdf = renderer.render(form);
        String text = Pdfs.joined(Pdfs.readerText(pdf.pdf()));
        SoftAssertions soft = new SoftAssertions();
        for (String field : fields(form)) {
            soft.assertThat(text).as("field of %s", form.kind()).contains(field);
        }
        soft.assertAll();
    }

    /** What the form must print, each as it must read. */
    static List<String> fields(LetterForm f) {
        List<String> out = new ArrayList<>();
        add(out, f.number());
        add(out, f.date());
        add(out, f.subject());
        add(out, f.closing());
        if (!f.to().isEmpty()) {
            String salutation = f.salutation() == null ? "เรียน" : f.salutation();
            out.add(salutation + " " + f.to().get(0));
        }
        out.addAll(f.to());
        out.addAll(f.references());
        out.addAll(f.enclosures());
        out.addAll(f.body());
        if (f.signatory() != null) {
            out.add("(" + f.signatory().name() + ")");
            out.add(String.join("", f.signatory().position()));
        }
        if (f.ownerUnit() != null) {
            add(out, f.ownerUnit().name());
            add(out, f.ownerUnit().phone());
            add(out, f.ownerUnit().fax());
            add(out, f.ownerUnit().email());
        }
        out.addAll(f.copiesTo());
        return out;
    }

    private static void add(List<String> out, String field) {
        if (field != null) {
            out.add(field);
        }
    }

    static LetterForm bylaw() {
        return new LetterForm(FormKind.BYLAW, null, null,
                new Issuer("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", null), null, "๑๕ พฤษภาคม ๒๕๖๘",
                "ว่าด้วยการใช้ลายมือชื่ออิเล็กทรอนิกส์ในหนังสือราชการ พ.ศ. ๒๕๖๘", null, List.of(), List.of(), List.of(),
                List.of("โดยที่เป็นการสมควรกำหนดหลักเกณฑ์การลงลายมือชื่ออิเล็กทรอนิกส์ในหนังสือราชการของสำนักงาน"
                                + " คณะกรรมการบริหารจึงออกข้อบังคับไว้ ดังต่อไปนี้",
                        "ข้อ ๑ ข้อบังคับนี้เรียกว่า “ข้อบังคับสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)"
                                + " ว่าด้วยการใช้ลายมือชื่ออิเล็กทรอนิกส์ในหนังสือราชการ พ.ศ. ๒๕๖๘”",
                        "ข้อ ๒ ข้อบังคับนี้ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศเป็นต้นไป"),
                null, Signatory.of("นายชยพล ธรรมวัฒนา", "ประธานกรรมการบริหารสำนักงานพัฒนารัฐบาลดิจิทัล"), null,
                List.of());
    }

    static LetterForm news() {
        return new LetterForm(FormKind.NEWS, null, null, new Issuer("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", null),
                "ฉบับที่ ๓", "๒ เมษายน ๒๕๖๘", "สพร. เปิดให้บริการระบบสารบรรณอิเล็กทรอนิกส์กลาง", null, List.of(),
                List.of(), List.of(),
                List.of("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) เปิดให้บริการระบบสารบรรณอิเล็กทรอนิกส์กลาง"
                        + " แก่หน่วยงานของรัฐตั้งแต่วันที่ ๑ เมษายน ๒๕๖๘ เป็นต้นไป หน่วยงานที่สนใจสามารถสมัครใช้งานได้ที่"
                        + " https://esaraban.example.invalid/register"),
                null, null, null, List.of());
    }
}
