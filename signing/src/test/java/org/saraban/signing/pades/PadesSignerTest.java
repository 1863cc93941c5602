package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;

class PadesSignerTest {

    static final InternalPki PKI = TestPki.create();
    static final PadesSigner SIGNER = new PadesSigner(PKI.timestampAuthority(), TestPdfs.appearance(), Clock.systemUTC());
    static final PadesExtender EXTENDER = new PadesExtender(PKI.timestampAuthority(), List.of(PKI),
            List.of(PKI.rootCertificate()));

    @Test
    void approver_then_signatory_then_filed_is_baseline_lta_and_both_pass() throws Exception {
        SigningCredential approver = PKI.issue(TestPki.approver(), KeyAlgorithm.ECDSA_P256).credential();
        SigningCredential signatory = PKI.issue(TestPki.signatory(), KeyAlgorithm.RSA_2048).credential();
        byte[] visa = SIGNER.sign(TestPdfs.letter(), new SignatureRequest(approver.chain(),
                new VisibleSignature(0, 60, 80, 200, 60, List.of("นางสาวกิ่งแก้ว ใจดี", "ผู้อำนวยการกอง",
                        "๒๒ พฤศจิกายน ๒๕๖๙ ๐๙:๑๕ น.")), "ตรวจทาน", "กรมตัวอย่าง"), approver);
        byte[] signed = SIGNER.sign(visa, new SignatureRequest(signatory.chain(),
                new VisibleSignature(0, 330, 80, 200, 60, List.of("นายสมชาย ที่ดีที่สุด", "อธิบดีกรมตัวอย่าง",
                        "๒๒ พฤศจิกายน ๒๕๖๙ ๑๐:๓๐ น.")), "ลงนาม", "กรมตัวอย่าง"), signatory);
        byte[] filed = EXTENDER.extendToLta(signed);
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/lta.pdf"), filed);

        Dss.Result result = Dss.validate(filed, PKI.rootCertificate());
        System.out.println(result.xml());
        assertThat(result.signatures()).hasSize(2).allSatisfy(v -> {
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LTA");
            assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED);
        });
    }
}
