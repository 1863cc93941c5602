package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.VerificationReport.CertificateStatus;
import org.saraban.signing.pades.VerificationReport.ChangeKind;
import org.saraban.signing.pades.VerificationReport.Kind;
import org.saraban.signing.pades.VerificationReport.PadesLevel;
import org.saraban.signing.pki.InMemoryPkiStorage;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.RenderedPdf;
import org.saraban.signing.render.SampleLetters;

/**
 * The acceptance path of issue 4: a shared sample letter rendered by {@link LetterRenderer}, made PDF/A-3b
 * with its JSON, a visa by the approver (ECDSA P-256) and the signatory's signature (RSA-2048) placed as the
 * web layer places them, filed as PAdES-B-LTA, then received and stamped. Each produced document is
 * validated once by EU DSS; the filed one also by veraPDF.
 */
class FiledLetterTest {

    static SigningServices services;
    static InternalPki PKI;
    static byte[] filed;
    static byte[] stamped;

    /** Through the same wiring the web layer uses, people's certificates issued on first use. */
    @BeforeAll
    static void file_a_letter() throws Exception {
        services = SigningServices.open(new InMemoryPkiStorage(), TestPki.settings(), null, List.of(),
                TestPdfs.appearance(), Clock.systemUTC());
        PKI = services.pki();
        PadesSigner signer = services.signer();
        PadesExtender extender = services.extender();
        SigningCredential approver = services.people().credentialFor(TestPki.approver(), KeyAlgorithm.ECDSA_P256);
        SigningCredential signatory = services.people().credentialFor(TestPki.signatory(), KeyAlgorithm.RSA_2048);

        // the first shared sample letter as the product renders it, then made PDF/A-3b with its JSON
        RenderedPdf rendered = new LetterRenderer().render(SampleLetters.form(SampleLetters.json(
                SampleLetters.files().get(0))));
        RenderedPdf.SignatureBox box = rendered.signature();
        byte[] letter = PdfA3.convert(rendered.pdf(), new PdfA3.Metadata("ขอเชิญประชุม", "กรมตัวอย่าง",
                Instant.parse("2026-11-22T02:00:00Z"), "{\"number\":\"ตย ๐๐๐๑/๒๕๖๙\",\"subject\":\"ขอเชิญประชุม\"}"));
        // the visa at the left margin level with the signatory's box, as the web layer places it
        byte[] visa = signer.sign(letter, new SignatureRequest(approver.chain(),
                new VisibleSignature(box.page(), 85, box.y(), 150, box.height(), List.of(
                        "ตรวจทาน นางสาวกิ่งแก้ว ใจดี", "๒๒ พฤศจิกายน ๒๕๖๙ ๐๙.๑๕ น.")), "ตรวจทาน", "กรมตัวอย่าง"), approver);
        byte[] signed = signer.sign(visa, new SignatureRequest(signatory.chain(),
                new VisibleSignature(box.page(), box.x(), box.y(), box.width(), box.height(), List.of(
                        "นายสมชาย ที่ดีที่สุด", "อธิบดีกรมตัวอย่าง", "ลงนาม ๒๒ พฤศจิกายน ๒๕๖๙ ๑๐.๓๐ น.")),
                "ลงนาม", "กรมตัวอย่าง"), signatory);
        filed = extender.extendToLta(signed);
        stamped = services.stamp().apply(filed, new ReceiptStamp.Receipt("กรมปลายทาง", "๑๒๓๔", "๒๓ พ.ย. ๒๕๖๙", "๑๐.๔๕ น."));
    }

    @Test
    void filed_letter_is_pades_baseline_lta_with_both_signatures_total_passed() {
        Dss.Result dss = Dss.validate(filed, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).hasSize(2).allSatisfy(v -> {
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED);
        });

        VerificationReport report = services.verifier().verify(filed);
        assertThat(report.allValid()).isTrue();
        assertThat(report.signatures()).extracting(VerificationReport.SignatureReport::kind)
                .containsExactly(Kind.SIGNATURE, Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);
        assertThat(report.signatures().subList(0, 2)).allSatisfy(s -> {
            assertThat(s.level()).isEqualTo(PadesLevel.B_LTA);
            assertThat(s.certificateStatus()).isEqualTo(CertificateStatus.VALID);
            assertThat(s.timestampTime()).isNotNull();
        });
        assertThat(report.signatures().get(0).signerName()).isEqualTo("นางสาวกิ่งแก้ว ใจดี");
        assertThat(report.signatures().get(0).laterChanges()).extracting(VerificationReport.LaterChange::kind)
                .contains(ChangeKind.SIGNATURE, ChangeKind.VALIDATION_DATA, ChangeKind.DOCUMENT_TIMESTAMP)
                .doesNotContain(ChangeKind.PAGE_CONTENT);
        // after the document timestamp only its own validation data
        assertThat(report.signatures().get(2).laterChanges()).isNotEmpty()
                .extracting(VerificationReport.LaterChange::kind).containsOnly(ChangeKind.VALIDATION_DATA);
    }

    @Test
    void filed_letter_is_pdf_a_3b() throws Exception {
        assertThat(VeraPdf.pdfA3bFailures(filed)).isEmpty();
    }

    @Test
    void receipt_stamped_copy_keeps_both_signatures_valid() {
        Dss.Result dss = Dss.validate(stamped, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).hasSize(2)
                .allSatisfy(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));

        VerificationReport report = services.verifier().verify(stamped);
        assertThat(report.allValid()).isTrue();
        assertThat(report.signatures().get(1).laterChanges())
                .contains(new VerificationReport.LaterChange(ChangeKind.ANNOTATION, "Stamp on page 1"))
                .extracting(VerificationReport.LaterChange::kind).doesNotContain(ChangeKind.PAGE_CONTENT);
    }

    @Test
    void one_flipped_byte_in_a_signed_range_fails() {
        byte[] tampered = filed.clone();
        // inside the first revision's page content, covered by every signature's /ByteRange
        int at = indexOf(tampered, "stream") + 20;
        tampered[at] ^= 0x01;

        Dss.Result dss = Dss.validate(tampered, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_FAILED));

        VerificationReport report = services.verifier().verify(tampered);
        assertThat(report.allValid()).isFalse();
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.digestMatches()).isFalse());
    }

    static int indexOf(byte[] data, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }
}
