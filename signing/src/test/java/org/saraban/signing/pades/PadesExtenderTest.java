package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.VerificationReport.CertificateStatus;
import org.saraban.signing.pades.VerificationReport.ChangeKind;
import org.saraban.signing.pades.VerificationReport.Kind;
import org.saraban.signing.pades.VerificationReport.PadesLevel;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;
import org.saraban.signing.pki.TimestampSource;

/**
 * Preservation when the time-stamping authority is slow (an external TSA over a network, or a loaded machine).
 * The revocation data written before a document timestamp was issued before it, so it says nothing about the
 * TSA's certificate at the timestamp's moment; CI once found a just-filed letter "not valid" this way, when more
 * than a second passed between the two.
 */
class PadesExtenderTest {

    static final InternalPki PKI = TestPki.create();

    /** The internal TSA, answering only after a pause. */
    static TimestampSource slow(Duration pause) {
        return digest -> {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return PKI.timestampAuthority().timestamp(digest);
        };
    }

    @Test
    void a_document_timestamp_from_a_slow_tsa_still_verifies_offline_with_its_own_validation_data_after_it() {
        PadesSigner signer = new PadesSigner(PKI.timestampAuthority(), TestPdfs.appearance(), Clock.systemUTC());
        PadesExtender extender = new PadesExtender(slow(Duration.ofMillis(2_500)), List.of(PKI),
                List.of(PKI.rootCertificate()));
        SigningCredential credential = PKI.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        byte[] signed = signer.sign(TestPdfs.letter(),
                new SignatureRequest(credential.chain(), null, "ลงนาม", "กรมตัวอย่าง"), credential);

        byte[] filed = extender.extendToLta(signed);

        PdfVerifier verifier = new PdfVerifier(List.of(PKI.rootCertificate()), Clock.systemUTC());
        VerificationReport report = verifier.verify(filed);
        assertThat(report.allValid()).as(report::toString).isTrue();
        assertThat(report.signatures()).extracting(VerificationReport.SignatureReport::kind)
                .containsExactly(Kind.SIGNATURE, Kind.DOCUMENT_TIMESTAMP);
        assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LTA);
        VerificationReport.SignatureReport timestamp = report.signatures().get(1);
        assertThat(timestamp.certificateStatus()).isEqualTo(CertificateStatus.VALID);
        // what follows the timestamp is validation data and nothing else
        assertThat(timestamp.laterChanges()).isNotEmpty().extracting(VerificationReport.LaterChange::kind)
                .containsOnly(ChangeKind.VALIDATION_DATA);

        // without the revision after it, the same timestamp cannot be shown good at its moment
        byte[] withoutItsData = extender.addDocumentTimestamp(extender.addValidationData(signed));
        assertThat(verifier.verify(withoutItsData).signatures().get(1).certificateStatus())
                .isEqualTo(CertificateStatus.REVOCATION_UNKNOWN);

        Dss.Result dss = Dss.validate(filed, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).singleElement().satisfies(v -> {
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED);
        });
    }
}
