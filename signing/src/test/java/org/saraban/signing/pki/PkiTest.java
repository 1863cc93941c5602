package org.saraban.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiTest {

    @Test
    void the_internal_tsa_signs_its_tokens_at_its_own_clocks_time() throws Exception {
        Instant ahead = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        InternalPki pki = InternalPki.open(new InMemoryPkiStorage(), TestPki.settings(),
                Clock.fixed(ahead, java.time.ZoneOffset.UTC));
        TimeStampToken token = new TimeStampToken(new CMSSignedData(pki.timestampAuthority()
                .timestamp(new byte[32])));
        var signingTime = token.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime);
        assertThat(org.bouncycastle.asn1.cms.Time.getInstance(signingTime.getAttrValues().getObjectAt(0))
                .getDate().toInstant()).isEqualTo(ahead);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(ahead);
        // valid at its own time: the TSA certificate was issued on the same clock
        token.validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                .build(pki.timestampAuthority().chain().get(0)));
    }

    @Test
    void an_imported_key_stays_the_persons_key_even_when_issued_here_under_another_name(@TempDir Path dir)
            throws Exception {
        PkiSettings settings = TestPki.settings();
        InternalPki pki = InternalPki.open(new DirectoryPkiStorage(dir), settings, Clock.systemUTC());
        PersonIdentity person = TestPki.signatory();
        InternalPki.IssuedKey card = pki.issue(new PersonIdentity(person.personId(), person.thaiName(),
                "ตำแหน่งเดิม", "หน่วยงานเดิม"), KeyAlgorithm.ECDSA_P256);
        java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("card", card.privateKey(), "pin".toCharArray(),
                card.chain().toArray(new java.security.cert.Certificate[0]));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        p12.store(file, "pin".toCharArray());

        new PersonalSigners(new DirectoryPkiStorage(dir), pki, settings)
                .importPkcs12(person.personId(), file.toByteArray(), "pin".toCharArray(), "card");
        // a fresh instance (a restart) reads it back as imported: not replaced though name and position differ
        SigningCredential used = new PersonalSigners(new DirectoryPkiStorage(dir), pki, settings)
                .credentialFor(person, KeyAlgorithm.RSA_2048);
        assertThat(used.certificate()).isEqualTo(card.chain().get(0));
    }

    @Test
    void directory_storage_reopens_the_same_ca_and_keeps_issued_people(@TempDir Path dir) throws Exception {
        PkiSettings settings = TestPki.settings();
        InternalPki first = InternalPki.open(new DirectoryPkiStorage(dir), settings, Clock.systemUTC());
        SigningCredential issued = new PersonalSigners(new DirectoryPkiStorage(dir), first, settings)
                .credentialFor(TestPki.approver(), KeyAlgorithm.ECDSA_P256);

        InternalPki reopened = InternalPki.open(new DirectoryPkiStorage(dir), settings, Clock.systemUTC());
        assertThat(reopened.rootCertificate()).isEqualTo(first.rootCertificate());
        assertThat(reopened.timestampAuthority().chain()).isEqualTo(first.timestampAuthority().chain());
        SigningCredential again = new PersonalSigners(new DirectoryPkiStorage(dir), reopened, settings)
                .credentialFor(TestPki.approver(), KeyAlgorithm.RSA_2048);
        assertThat(again.certificate()).isEqualTo(issued.certificate());
        // no person's id or name in the stored names
        try (var files = Files.walk(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains("person-approver"));
        }
    }

    @Test
    void a_person_certificate_names_them_in_thai_and_is_for_signing_only() throws Exception {
        InternalPki pki = TestPki.create();
        PersonalSigners signers = new PersonalSigners(new InMemoryPkiStorage(), pki, TestPki.settings());
        X509Certificate certificate = signers.credentialFor(TestPki.approver(), KeyAlgorithm.RSA_2048).certificate();

        var subject = new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(certificate).getSubject();
        assertThat(subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.T)[0].getFirst().getValue().toString())
                .isEqualTo("ผู้อำนวยการกอง");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("นางสาวกิ่งแก้ว ใจดี", "กรมตัวอย่าง");
        assertThat(certificate.getKeyUsage()).startsWith(true, true, false, false, false, false, false);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        certificate.verify(pki.issuingChain().get(0).getPublicKey());

        // a new position gets a new certificate; the same identity keeps the old one
        PersonIdentity promoted = new PersonIdentity("person-approver-1", "นางสาวกิ่งแก้ว ใจดี", "รองอธิบดี", "กรมตัวอย่าง");
        assertThat(signers.credentialFor(TestPki.approver(), KeyAlgorithm.RSA_2048).certificate()).isEqualTo(certificate);
        assertThat(signers.credentialFor(promoted, KeyAlgorithm.RSA_2048).certificate()).isNotEqualTo(certificate);
    }

    @Test
    void revocation_shows_in_the_next_crl_and_ocsp_answer() throws Exception {
        InternalPki pki = TestPki.create();
        X509Certificate person = pki.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).chain().get(0);
        X509Certificate issuer = pki.issuingChain().get(0);
        BasicOCSPResp good = (BasicOCSPResp) new OCSPResp(pki.ocsp(person, issuer).orElseThrow()).getResponseObject();
        assertThat(good.getResponses()[0].getCertStatus()).isNull();

        pki.revoke(person, CRLReason.keyCompromise);

        BasicOCSPResp revoked = (BasicOCSPResp) new OCSPResp(pki.ocsp(person, issuer).orElseThrow()).getResponseObject();
        assertThat(revoked.getResponses()[0].getCertStatus()).isInstanceOf(RevokedStatus.class);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pki.crl(person, issuer).orElseThrow()));
        crl.verify(issuer.getPublicKey());
        assertThat(crl.isRevoked(person)).isTrue();
        // certificates from elsewhere get no answer rather than a wrong one
        X509Certificate foreign = TestPki.create().issuingChain().get(0);
        assertThat(pki.ocsp(foreign, issuer)).isEmpty();
        // the root's CRL is about the root's certificates only
        X509CRL rootCrl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pki.rootCrl()));
        rootCrl.verify(pki.rootCertificate().getPublicKey());
        assertThat(rootCrl.getRevokedCertificates()).isNull();
    }

    @Test
    void ocsp_endpoint_answers_requests_with_status_unknown_serials_and_the_nonce() throws Exception {
        InternalPki pki = TestPki.create();
        X509Certificate issuer = pki.issuingChain().get(0);
        X509Certificate good = pki.issue(TestPki.approver(), KeyAlgorithm.ECDSA_P256).chain().get(0);
        X509Certificate revoked = pki.issue(TestPki.signatory(), KeyAlgorithm.ECDSA_P256).chain().get(0);
        pki.revoke(revoked, CRLReason.keyCompromise);
        var digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
        var issuerHolder = new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer);
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        var request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder()
                .addRequest(new org.bouncycastle.cert.ocsp.CertificateID(digests.get(
                        org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), issuerHolder, good.getSerialNumber()))
                .addRequest(new org.bouncycastle.cert.ocsp.CertificateID(digests.get(
                        org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), issuerHolder, revoked.getSerialNumber()))
                .addRequest(new org.bouncycastle.cert.ocsp.CertificateID(digests.get(
                        org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1), issuerHolder, java.math.BigInteger.TEN))
                .setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new org.bouncycastle.asn1.x509.Extension(
                        org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        new org.bouncycastle.asn1.DEROctetString(nonce))))
                .build();

        OCSPResp response = new OCSPResp(pki.respondOcsp(request.getEncoded()));
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(issuer))).isTrue();
        assertThat(basic.getResponses()[0].getCertStatus()).isNull();
        assertThat(basic.getResponses()[1].getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(basic.getResponses()[2].getCertStatus()).isInstanceOf(org.bouncycastle.cert.ocsp.UnknownStatus.class);
        assertThat(basic.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce)
                .getExtnValue().getOctets()).isEqualTo(nonce);

        assertThat(new OCSPResp(pki.respondOcsp("not a request".getBytes())).getStatus())
                .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        var foreignIssuer = new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(TestPki.create().issuingChain().get(0));
        byte[] foreign = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(
                new org.bouncycastle.cert.ocsp.CertificateID(digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                        foreignIssuer, java.math.BigInteger.ONE)).build().getEncoded();
        assertThat(new OCSPResp(pki.respondOcsp(foreign)).getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
    }

    @Test
    void http_tsa_client_gets_a_token_from_an_rfc3161_endpoint() throws Exception {
        InternalTsa tsa = TestPki.create().timestampAuthority();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] answer = tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest("letter".getBytes());
            byte[] token = new HttpTsaClient(new HttpTsaClient.TsaSettings(url, null, Duration.ofSeconds(5)))
                    .timestamp(digest);
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            assertThat(parsed.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            assertThat(parsed.getTimeStampInfo().getPolicy()).isEqualTo(InternalTsa.POLICY);

            URI missing = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/nothing");
            assertThatThrownBy(() -> new HttpTsaClient(new HttpTsaClient.TsaSettings(missing, null, Duration.ofSeconds(5)))
                    .timestamp(digest))
                    .isInstanceOfSatisfying(PkiException.class,
                            e -> assertThat(e.code()).isEqualTo(PkiException.Code.TIMESTAMP_FAILED));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void storage_names_cannot_leave_their_root_and_create_does_not_overwrite(@TempDir Path dir) throws Exception {
        DirectoryPkiStorage storage = new DirectoryPkiStorage(dir);
        assertThatThrownBy(() -> storage.write("../escape", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.read("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.create("ca/root.p12", new byte[]{1})).isTrue();
        assertThat(storage.create("ca/root.p12", new byte[]{2})).isFalse();
        assertThat(storage.read("ca/root.p12")).contains(new byte[]{1});
        assertThat(storage.list("ca/")).containsExactly("ca/root.p12");
    }

    /**
     * No token is available here: this proves the configuration path reaches SunPKCS11 and that its refusals
     * come back as PKCS11_CONFIGURATION. Logging in and signing on a real token is not exercised.
     */
    @Test
    void pkcs11_configuration_is_parsed_by_sunpkcs11_and_refusals_are_named(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("token.cfg");
        Files.writeString(config, "name = saraban-test\nlibrary = " + dir.resolve("no-such-pkcs11.so") + "\nslot = 0\n");
        assertThatThrownBy(() -> Pkcs11Token.open(config, "1234".toCharArray()))
                .isInstanceOfSatisfying(PkiException.class, e -> {
                    assertThat(e.code()).isEqualTo(PkiException.Code.PKCS11_CONFIGURATION);
                    assertThat(e.getMessage()).contains("token.cfg");
                });
        Files.writeString(config, "name = saraban-test\nthis is not a sunpkcs11 directive\n");
        assertThatThrownBy(() -> Pkcs11Token.open(config, "1234".toCharArray()))
                .isInstanceOfSatisfying(PkiException.class,
                        e -> assertThat(e.code()).isEqualTo(PkiException.Code.PKCS11_CONFIGURATION));
        assertThatThrownBy(() -> Pkcs11Token.open(dir.resolve("absent.cfg"), "1234".toCharArray()))
                .isInstanceOfSatisfying(PkiException.class,
                        e -> assertThat(e.code()).isEqualTo(PkiException.Code.PKCS11_CONFIGURATION));
    }

    @Test
    void keystore_signer_output_verifies_with_the_certificate() throws Exception {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.ECDSA_P256)) {
            SigningCredential credential = TestPki.create().issue(TestPki.signatory(), algorithm).credential();
            byte[] data = "signed attributes".getBytes();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm.signatureAlgorithm());
            verifier.initVerify(credential.certificate());
            verifier.update(data);
            assertThat(verifier.verify(credential.signer().sign(data))).isTrue();
        }
    }
}
