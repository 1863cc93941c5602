package org.saraban.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonIdentity;
import org.saraban.web.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The CA's and TSA's public services answer anyone, in their standard formats. */
class PkiEndpointsTest extends WebTestSupport {

    @Autowired
    InternalPki pki;

    @Test
    void the_root_and_the_crls_are_published_without_login() throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate root = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(fetch("/pki/root.crt")));
        assertThat(root).isEqualTo(pki.rootCertificate());

        X509CRL issuing = (X509CRL) x509.generateCRL(new ByteArrayInputStream(fetch("/pki/crl/issuing.crl")));
        issuing.verify(pki.issuingChain().get(0).getPublicKey());
        X509CRL rootCrl = (X509CRL) x509.generateCRL(new ByteArrayInputStream(fetch("/pki/crl/root.crl")));
        rootCrl.verify(root.getPublicKey());
    }

    @Test
    void ocsp_says_good_for_a_certificate_the_ca_issued() throws Exception {
        var key = pki.issue(new PersonIdentity("pki-endpoint-test", "นางวราภรณ์ สุขประเสริฐ",
                "ผู้อำนวยการฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ", "สพร"), KeyAlgorithm.ECDSA_P256);
        List<X509Certificate> chain = key.chain();
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(chain.get(1).getEncoded()), chain.get(0).getSerialNumber());
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();

        MvcResult r = call(post("/pki/ocsp").contentType("application/ocsp-request").content(request));
        assertStatus(r, 200);
        OCSPResp response = new OCSPResp(r.getResponse().getContentAsByteArray());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.getResponses()[0].getCertStatus()).isNull(); // null is GOOD in BouncyCastle
    }

    @Test
    void the_tsa_stamps_a_digest_over_http() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("หนังสือราชการ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var request = generator.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(20261122L));

        MvcResult r = call(post("/pki/tsa").contentType("application/timestamp-query").content(request.getEncoded()));
        assertStatus(r, 200);
        TimeStampResponse response = new TimeStampResponse(r.getResponse().getContentAsByteArray());
        response.validate(request);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
    }

    private byte[] fetch(String path) throws Exception {
        MvcResult r = call(get(path));
        assertStatus(r, 200);
        return r.getResponse().getContentAsByteArray();
    }
}
