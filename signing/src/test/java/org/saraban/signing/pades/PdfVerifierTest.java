package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.VerificationReport.CertificateStatus;
import org.saraban.signing.pades.VerificationReport.DocumentStatus;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;

class PdfVerifierTest {

    static final InternalPki OURS = TestPki.create();
    final PdfVerifier verifier = new PdfVerifier(List.of(OURS.rootCertificate()), Clock.systemUTC());

    @Test
    void a_pdf_signed_under_someone_elses_ca_is_intact_but_not_trusted() {
        InternalPki elsewhere = TestPki.create();
        SigningCredential credential = elsewhere.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        byte[] signed = new PadesExtender(elsewhere.timestampAuthority(), List.of(elsewhere),
                List.of(elsewhere.rootCertificate())).addValidationData(
                new PadesSigner(elsewhere.timestampAuthority(), null, Clock.systemUTC())
                        .sign(TestPdfs.letter(), new SignatureRequest(credential.chain(), null, null, null), credential));
        // the independent validator, trusting their root, agrees the signature itself is sound
        assertThat(Dss.validate(signed, elsewhere.rootCertificate()).signatures()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));

        VerificationReport report = verifier.verify(signed);
        assertThat(report.status()).isEqualTo(DocumentStatus.READ);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.certificateStatus()).isEqualTo(CertificateStatus.NOT_TRUSTED);
            assertThat(s.signerName()).isEqualTo("นายสมชาย ที่ดีที่สุด");
        });
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void an_unsigned_pdf_reads_with_no_signatures() {
        VerificationReport report = verifier.verify(TestPdfs.letter());
        assertThat(report.status()).isEqualTo(DocumentStatus.READ);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void garbage_truncation_and_oversize_are_reports_not_exceptions() {
        assertThat(verifier.verify("not a pdf at all".getBytes(StandardCharsets.US_ASCII)).status())
                .isEqualTo(DocumentStatus.MALFORMED);
        assertThat(verifier.verify(new byte[0]).status()).isEqualTo(DocumentStatus.MALFORMED);
        byte[] letter = TestPdfs.letter();
        VerificationReport cut = verifier.verify(Arrays.copyOf(letter, letter.length / 3));
        assertThat(cut.signatures()).isEmpty();
        assertThat(new PdfVerifier(List.of(), Clock.systemUTC(), 1000).verify(letter).status())
                .isEqualTo(DocumentStatus.TOO_LARGE);
    }

    @Test
    void nested_arrays_deep_enough_to_overflow_a_parser_give_a_report() {
        String deep = "[".repeat(200_000);
        byte[] hostile = ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + deep + " >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(verifier.verify(hostile).status()).isIn(DocumentStatus.MALFORMED, DocumentStatus.READ);
    }

    @Test
    void a_byte_range_pointing_outside_the_file_is_a_broken_signature_not_a_crash() {
        SigningCredential credential = OURS.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        byte[] signed = new PadesSigner(OURS.timestampAuthority(), null, Clock.systemUTC())
                .sign(TestPdfs.letter(), new SignatureRequest(credential.chain(), null, null, null), credential);
        assertThat(verifier.verify(signed).signatures()).singleElement().satisfies(s -> assertThat(s.intact()).isTrue());
        // the independent validator agrees the untouched signature is intact (B-T: no revocation data yet)
        assertThat(Dss.validate(signed, OURS.rootCertificate()).signatures()).singleElement()
                .satisfies(v -> assertThat(v.format()).isEqualTo("PAdES-BASELINE-T"));

        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ByteRange [");
        // PDFBox leaves room after /ByteRange up to the end of the line: the forged array fits in it
        int lineEnd = text.indexOf('\n', at);
        String forged = "/ByteRange [0 99999999999 -5 7]";
        assertThat(forged.length()).isLessThanOrEqualTo(lineEnd - at);
        byte[] hostile = (text.substring(0, at) + forged + " ".repeat(lineEnd - at - forged.length())
                + text.substring(lineEnd)).getBytes(StandardCharsets.ISO_8859_1);
        VerificationReport report = verifier.verify(hostile);
        assertThat(report.status()).isEqualTo(DocumentStatus.READ);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.notes()).anyMatch(n -> n.contains("/ByteRange"));
        });
    }

    @Test
    void a_signature_whose_contents_are_not_cms_is_reported_broken() {
        SigningCredential credential = OURS.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        PadesSigner signer = new PadesSigner(OURS.timestampAuthority(), null, Clock.systemUTC());
        PreparedSignature prepared = signer.prepare(TestPdfs.letter(),
                new SignatureRequest(credential.chain(), null, null, null));
        // a signature field whose /Contents stayed zeros: what an interrupted signing leaves behind
        VerificationReport report = verifier.verify(prepared.preparedPdf());
        assertThat(report.status()).isEqualTo(DocumentStatus.READ);
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.notes()).isNotEmpty();
        });
        // and the same preparation, completed, is a valid signature that DSS accepts
        byte[] signed = new PadesExtender(OURS.timestampAuthority(), List.of(OURS), List.of(OURS.rootCertificate()))
                .addValidationData(signer.embed(prepared, credential.signer().sign(prepared.dataToSign())));
        assertThat(Dss.validate(signed, OURS.rootCertificate()).signatures()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));
        assertThat(verifier.verify(signed).allValid()).isTrue();
    }

    @Test
    void revoked_before_signing_is_revoked_and_revoked_after_the_timestamp_stays_valid() throws Exception {
        InternalPki pki = TestPki.create();
        PadesSigner signer = new PadesSigner(pki.timestampAuthority(), null, Clock.systemUTC());
        PadesExtender extender = new PadesExtender(pki.timestampAuthority(), List.of(pki), List.of(pki.rootCertificate()));
        PdfVerifier ours = new PdfVerifier(List.of(pki.rootCertificate()), Clock.systemUTC());

        SigningCredential lost = pki.issue(TestPki.approver(), KeyAlgorithm.ECDSA_P256).credential();
        pki.revoke(lost.certificate(), org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
        byte[] afterRevocation = extender.addValidationData(signer.sign(TestPdfs.letter(),
                new SignatureRequest(lost.chain(), null, null, null), lost));
        assertThat(Dss.validate(afterRevocation, pki.rootCertificate()).signatures()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isNotEqualTo(Dss.Indication.TOTAL_PASSED));
        assertThat(ours.verify(afterRevocation).signatures().get(0).certificateStatus())
                .isEqualTo(CertificateStatus.REVOKED);

        SigningCredential later = pki.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        byte[] beforeRevocation = signer.sign(TestPdfs.letter(), new SignatureRequest(later.chain(), null, null, null), later);
        // the CA records revocations in whole seconds: be sure this one falls after the signature's timestamp
        Thread.sleep(1100);
        pki.revoke(later.certificate(), org.bouncycastle.asn1.x509.CRLReason.superseded);
        byte[] extended = extender.addValidationData(beforeRevocation);
        Dss.Result dss = Dss.validate(extended, pki.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));
        assertThat(ours.verify(extended).signatures().get(0).certificateStatus()).isEqualTo(CertificateStatus.VALID);
    }
}
