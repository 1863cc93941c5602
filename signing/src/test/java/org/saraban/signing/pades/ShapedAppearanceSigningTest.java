package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pki.InMemoryPkiStorage;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;
import org.saraban.signing.render.FontSet;
import org.saraban.signing.render.FormKind;
import org.saraban.signing.render.Issuer;
import org.saraban.signing.render.LetterForm;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.Numerals;
import org.saraban.signing.render.OwnerUnit;
import org.saraban.signing.render.RenderedPdf;
import org.saraban.signing.render.Signatory;
import org.saraban.signing.render.ThaiDates;
import org.saraban.signing.render.appearance.ShapedAppearanceText;
import org.saraban.signing.render.text.FontFace;

/**
 * Signatures and stamps drawn by {@link ShapedAppearanceText}, wired the way the web layer wires signing: a
 * rendered letter made PDF/A-3b, signed in the box the renderer left for the signature, filed as PAdES-B-LTA,
 * then received and stamped. DSS judges every signed document, veraPDF the filed and the stamped ones; what the
 * signature and the stamp show is read back from their appearances ({@link AppearanceReading}).
 */
class ShapedAppearanceSigningTest {

    static final float[] BLUE = {0.1f, 0.2f, 0.6f};
    static final FontFace SARABUN = FontSet.bundled().regular();
    static final List<String> SIGNATURE = List.of("ลงนามโดย นายสมชาย ที่ดีที่สุด", "อธิบดีกรมตัวอย่าง",
            "๒๒ พฤศจิกายน ๒๕๖๙ เวลา ๑๐.๓๐ น.");
    static final ReceiptStamp.Receipt RECEIPT = new ReceiptStamp.Receipt("นร ๐๕", "๑๒๓",
            ThaiDates.longDate(LocalDate.of(2026, 11, 23), Numerals.THAI), "๐๙.๓๐ น.");

    static SigningServices services;
    static byte[] signed;
    static byte[] filed;
    static byte[] stamped;

    @BeforeAll
    static void sign_file_and_stamp_a_rendered_letter() throws Exception {
        services = SigningServices.open(new InMemoryPkiStorage(), TestPki.settings(), null, List.of(),
                ShapedAppearanceText.bundled(BLUE), Clock.systemUTC());
        SigningCredential signatory = services.people().credentialFor(TestPki.signatory(), KeyAlgorithm.RSA_2048);

        RenderedPdf letter = new LetterRenderer().render(new LetterForm(FormKind.EXTERNAL, null, null,
                new Issuer("กรมตัวอย่าง", "ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ ๑๐๓๐๐"), "ตย ๐๐๐๑/๒๕๖๙",
                "๒๒ พฤศจิกายน ๒๕๖๙", "ขอเชิญประชุม", "เรียน", List.of("เลขาธิการคณะรัฐมนตรี"), null, null,
                List.of("ด้วยกรมตัวอย่างจะจัดประชุมเพื่อพิจารณาแผนงานประจำปี จึงเรียนมาเพื่อโปรดทราบ"),
                "ขอแสดงความนับถือ", Signatory.of("นายสมชาย ที่ดีที่สุด", "อธิบดีกรมตัวอย่าง"),
                new OwnerUnit("กองกลาง", "๐ ๒๒๘๐ ๙๐๐๐", null, null), null));
        byte[] pdfA = PdfA3.convert(letter.pdf(), new PdfA3.Metadata("ขอเชิญประชุม", "กรมตัวอย่าง",
                Instant.parse("2026-11-22T02:00:00Z"), "{\"number\":\"ตย ๐๐๐๑/๒๕๖๙\"}"));
        RenderedPdf.SignatureBox box = letter.signature();
        signed = services.signer().sign(pdfA, new SignatureRequest(signatory.chain(),
                new VisibleSignature(box.page(), box.x(), box.y(), box.width(), box.height(), SIGNATURE),
                "ลงนาม", "กรมตัวอย่าง"), signatory);
        filed = services.extender().extendToLta(signed);
        stamped = services.stamp().apply(filed, RECEIPT);
    }

    @Test
    void a_shaped_visible_signature_is_baseline_t_then_lta_and_the_filed_letter_stays_pdf_a_3b() throws Exception {
        Dss.Result atSigning = Dss.validate(signed, services.pki().rootCertificate());
        assertThat(atSigning.signatures()).as(atSigning.xml()).singleElement()
                .satisfies(v -> assertThat(v.format()).isEqualTo("PAdES-BASELINE-T"));
        Dss.Result whenFiled = Dss.validate(filed, services.pki().rootCertificate());
        assertThat(whenFiled.signatures()).as(whenFiled.xml()).singleElement().satisfies(v -> {
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED);
        });
        assertThat(VeraPdf.pdfA3bFailures(filed)).isEmpty();

        AppearanceReading.Reading shown = AppearanceReading.read(filed,
                a -> a instanceof PDAnnotationWidget && a.getRectangle().getWidth() > 0);
        assertThat(shown.lines()).isEqualTo(SIGNATURE);
        assertThat(AppearanceReading.misplaced(shown, SARABUN)).isEmpty();
    }

    @Test
    void a_shaped_receipt_stamp_reads_exactly_and_the_signature_stays_total_passed() throws Exception {
        Dss.Result dss = Dss.validate(stamped, services.pki().rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));
        assertThat(VeraPdf.pdfA3bFailures(stamped)).isEmpty();

        AppearanceReading.Reading shown = AppearanceReading.read(stamped, a -> a instanceof PDAnnotationRubberStamp);
        assertThat(shown.lines()).containsExactly("นร ๐๕", "เลขรับ ๑๒๓", "วันที่ ๒๓ พฤศจิกายน ๒๕๖๙", "เวลา ๐๙.๓๐ น.");
        assertThat(AppearanceReading.misplaced(shown, SARABUN)).isEmpty();
    }

    /**
     * The control: the same stamp by {@link PlainAppearanceText}. Its text layer reads back exactly (each glyph is
     * its character's own, which is the trouble), so the reading fails it on the glyphs: the low tone mark of ที่
     * drawn over the vowel instead of the raised one, and marks off their anchors; never a letter.
     */
    @Test
    void plain_show_text_fails_the_same_reading_at_its_misplaced_marks() {
        byte[] plain = new ReceiptStamp(TestPdfs.appearance()).apply(filed, RECEIPT);
        AppearanceReading.Reading shown = AppearanceReading.read(plain, a -> a instanceof PDAnnotationRubberStamp);
        assertThat(shown.lines()).isEqualTo(RECEIPT.lines());

        List<String> misplaced = AppearanceReading.misplaced(shown, SARABUN);
        assertThat(misplaced).isNotEmpty()
                .allSatisfy(m -> assertThat(Character.getType(m.charAt(0))).as(m).isEqualTo(Character.NON_SPACING_MARK))
                .anySatisfy(m -> assertThat(m).startsWith("่ in วันที่"));
    }
}
