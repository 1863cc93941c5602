package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class RegisterRendererTest {

    private final RegisterRenderer renderer = new RegisterRenderer();

    /** The sample letters as a sending register would hold them, three times over to fill pages. */
    private static List<RegisterRow> rows() {
        List<RegisterRow> rows = new ArrayList<>();
        int n = 0;
        for (int round = 0; round < 3; round++) {
            for (var file : SampleLetters.files()) {
                LetterForm f = SampleLetters.form(SampleLetters.json(file));
                n++;
                rows.add(new RegisterRow(Numerals.THAI.format(n), f.date() + " เวลา ๑๐.๓๐ น.", f.number(), f.date(),
                        f.issuer().name(), String.join(" ", f.to()), f.subject() == null ? f.kind().title() : f.subject(),
                        n % 2 == 0 ? "ส่งทางระบบสารบรรณอิเล็กทรอนิกส์" : null, n % 5 == 0 ? "ยกเลิกเลข" : null));
            }
        }
        return rows;
    }

    @Test
    void every_field_of_every_entry_is_in_the_pdf_on_a4_landscape_pages_each_with_the_heading_and_columns()
            throws java.io.IOException {
        List<RegisterRow> rows = rows();
        RenderedPdf pdf = renderer.render(new RegisterForm(RegisterBook.SENT, "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
                2568, rows));

        String text = Pdfs.joined(Pdfs.readerText(pdf.pdf()));
        SoftAssertions soft = new SoftAssertions();
        for (RegisterRow r : rows) {
            Stream.of(r.registerNumber(), r.registeredOn(), r.number(), r.dated(), r.from(), r.to(), r.subject(),
                    r.action(), r.remarks()).filter(v -> v != null && !v.isEmpty())
                    .forEach(v -> soft.assertThat(text).contains(v));
        }
        soft.assertAll();

        assertThat(pdf.pages()).isGreaterThan(1);
        for (int page = 1; page <= pdf.pages(); page++) {
            String onPage = Pdfs.joined(Pdfs.pageText(pdf.pdf(), page));
            assertThat(onPage).contains("ทะเบียนหนังสือส่ง", "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) ประจำปี พ.ศ. ๒๕๖๘",
                    "เลขทะเบียนส่ง", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ");
        }
        try (PDDocument doc = Pdfs.load(pdf.pdf())) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isGreaterThan(box.getHeight());
            assertThat(box.getWidth()).isEqualTo(PDRectangle.A4.getHeight());
        }
    }

    @Test
    void the_receiving_register_heads_its_number_column_for_received_letters() {
        RenderedPdf pdf = renderer.render(new RegisterForm(RegisterBook.RECEIVED, "สำนักเลขาธิการคณะรัฐมนตรี", 2568,
                rows().subList(0, 2)));
        assertThat(Pdfs.joined(Pdfs.readerText(pdf.pdf()))).contains("ทะเบียนหนังสือรับ", "เลขทะเบียนรับ");
        assertThat(pdf.pages()).isEqualTo(1);
    }

    @Test
    void an_empty_register_still_prints_its_heading() {
        RenderedPdf pdf = renderer.render(new RegisterForm(RegisterBook.ORDER, "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
                2569, List.of()));
        assertThat(Pdfs.readerText(pdf.pdf())).contains("ทะเบียนคำสั่ง", "ประจำปี พ.ศ. ๒๕๖๙", "ไม่มีรายการ");
    }
}
