package org.saraban.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.cert.Certificate;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.VerificationReport.PadesLevel;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.saraban.signing.pki.PkiException;
import org.saraban.signing.pki.Pkcs12Keys;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;

class PadesSignerTest {

    static final InternalPki PKI = TestPki.create();
    static final PadesSigner SIGNER = new PadesSigner(PKI.timestampAuthority(), TestPdfs.appearance(), Clock.systemUTC());
    static final PadesExtender EXTENDER = new PadesExtender(PKI.timestampAuthority(), List.of(PKI),
            List.of(PKI.rootCertificate()));

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void three_steps_give_baseline_t_and_with_validation_data_baseline_lt(KeyAlgorithm algorithm) {
        SigningCredential credential = PKI.issue(TestPki.signatory(), algorithm).credential();

        PreparedSignature prepared = SIGNER.prepare(TestPdfs.letter(), new SignatureRequest(credential.chain(),
                null, "ลงนาม", "กรมตัวอย่าง"));
        // the key holder sees only the DER of the signed attributes, never the PDF
        byte[] value = credential.signer().sign(prepared.dataToSign());
        byte[] signed = SIGNER.embed(prepared, value);
        assertThat(new PdfVerifier(List.of(PKI.rootCertificate()), Clock.systemUTC()).verify(signed)
                .signatures().get(0).level()).isEqualTo(PadesLevel.B_T);

        byte[] longTerm = EXTENDER.addValidationData(signed);
        Dss.Result dss = Dss.validate(longTerm, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).singleElement().satisfies(v -> {
            assertThat(v.format()).isEqualTo("PAdES-BASELINE-LT");
            assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED);
        });
        VerificationReport report = new PdfVerifier(List.of(PKI.rootCertificate()), Clock.systemUTC()).verify(longTerm);
        assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LT);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void a_signature_value_from_another_key_is_refused_before_anything_is_written() {
        SigningCredential right = PKI.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).credential();
        SigningCredential wrong = PKI.issue(TestPki.approver(), KeyAlgorithm.ECDSA_P256).credential();
        PreparedSignature prepared = SIGNER.prepare(TestPdfs.letter(), new SignatureRequest(right.chain(), null, null, null));

        assertThatThrownBy(() -> SIGNER.embed(prepared, wrong.signer().sign(prepared.dataToSign())))
                .isInstanceOfSatisfying(PadesException.class,
                        e -> assertThat(e.code()).isEqualTo(PadesException.Code.SIGNATURE_VALUE_MISMATCH));
    }

    @Test
    void a_credential_whose_key_is_not_its_certificates_is_refused_when_it_first_signs() {
        SigningCredential right = PKI.issue(TestPki.signatory(), KeyAlgorithm.RSA_2048).credential();
        SigningCredential wrong = PKI.issue(TestPki.approver(), KeyAlgorithm.RSA_2048).credential();
        SigningCredential mismatched = new SigningCredential(wrong.signer(), right.chain());

        assertThatThrownBy(() -> SIGNER.sign(TestPdfs.letter(), new SignatureRequest(right.chain(), null, null, null),
                mismatched)).isInstanceOfSatisfying(PadesException.class,
                e -> assertThat(e.code()).isEqualTo(PadesException.Code.SIGNATURE_VALUE_MISMATCH));
    }

    @Test
    void pkcs12_key_chosen_by_alias_signs_and_validates() throws Exception {
        char[] password = "person-p12-password".toCharArray();
        InternalPki.IssuedKey first = PKI.issue(TestPki.approver(), KeyAlgorithm.RSA_2048);
        InternalPki.IssuedKey second = PKI.issue(
                new PersonIdentity("person-approver-1", "นางสาวกิ่งแก้ว ใจดี", "รองอธิบดี", "กรมตัวอย่าง"),
                KeyAlgorithm.ECDSA_P256);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("old-card", first.privateKey(), password, first.chain().toArray(new Certificate[0]));
        keyStore.setKeyEntry("new-card", second.privateKey(), password, second.chain().toArray(new Certificate[0]));
        ByteArrayOutputStream p12 = new ByteArrayOutputStream();
        keyStore.store(p12, password);

        assertThatThrownBy(() -> Pkcs12Keys.load(p12.toByteArray(), password, null))
                .isInstanceOfSatisfying(PkiException.class,
                        e -> assertThat(e.code()).isEqualTo(PkiException.Code.KEY_ENTRY_AMBIGUOUS));
        assertThatThrownBy(() -> Pkcs12Keys.load(p12.toByteArray(), password, "lost-card"))
                .isInstanceOfSatisfying(PkiException.class, e -> {
                    assertThat(e.code()).isEqualTo(PkiException.Code.KEY_ENTRY_NOT_FOUND);
                    assertThat(e.getMessage()).contains("old-card", "new-card");
                });

        SigningCredential chosen = Pkcs12Keys.load(p12.toByteArray(), password, "new-card");
        assertThat(chosen.certificate()).isEqualTo(second.chain().get(0));
        byte[] signed = EXTENDER.addValidationData(SIGNER.sign(TestPdfs.letter(),
                new SignatureRequest(chosen.chain(), null, "ลงนาม", null), chosen));
        Dss.Result dss = Dss.validate(signed, PKI.rootCertificate());
        assertThat(dss.signatures()).as(dss.xml()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));
    }
}
