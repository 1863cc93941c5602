package org.saraban.signing.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Hashtable;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority in process, with a certificate from the internal root. It also
 * answers DER time-stamp requests ({@link #respond}), so the web layer can expose it over HTTP.
 */
public final class InternalTsa implements TimestampSource {

    /**
     * The TSA policy. A 2.25 OID (ITU-T X.667, from a UUID) needs no registration and is unique to this
     * software; an agency running its own policy document replaces it with its own OID.
     */
    public static final ASN1ObjectIdentifier POLICY =
            new ASN1ObjectIdentifier("2.25.230387152738264616519934178331437925817");

    private final List<X509Certificate> chain;
    private final TimeStampTokenGenerator tokens;
    private final TimeStampResponseGenerator responses;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InternalTsa(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        this.chain = List.copyOf(chain);
        this.clock = clock;
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            // a SHA-256 certificate digest makes BouncyCastle write signing-certificate-v2 (ESSCertIDv2)
            // the CMS signingTime from this TSA's clock, not the machine's: the token must not look signed
            // before the TSA certificate (issued on the same clock) was valid
            CMSAttributeTableGenerator signedAttributes = params -> {
                Hashtable<ASN1ObjectIdentifier, Attribute> time = new Hashtable<>();
                time.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime,
                        new DERSet(new Time(Date.from(clock.instant())))));
                return new DefaultSignedAttributeTableGenerator(new AttributeTable(time)).getAttributes(params);
            };
            tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes)
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), chain.get(0)),
                    sha256, POLICY);
            // milliseconds: several signatures and the revocation data fetched after them keep their order
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.addCertificates(new JcaCertStore(chain));
            responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (OperatorCreationException | GeneralSecurityException | TSPException e) {
            throw new IllegalStateException("cannot set up the time-stamping authority", e);
        }
    }

    /** TSA certificate then root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public byte[] timestamp(byte[] sha256Digest) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Digest, new BigInteger(64, random));
        try {
            // in process there is no wire to cross: the token straight from the generator, no response round trip
            synchronized (responses) {
                return tokens.generate(request, new BigInteger(64, random), Date.from(clock.instant())).getEncoded();
            }
        } catch (TSPException | IOException e) {
            throw new PkiException(PkiException.Code.TIMESTAMP_FAILED, "the internal TSA failed", e);
        }
    }

    /** Answers a DER TimeStampReq with a DER TimeStampResp (rejections included, as RFC 3161 wants). */
    public byte[] respond(byte[] timeStampRequest) throws IOException {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(timeStampRequest);
            } catch (IOException | RuntimeException malformed) {
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "malformed request").getEncoded();
            }
            BigInteger serial = new BigInteger(64, random);
            // BouncyCastle's token generator keeps state between calls: one request at a time
            synchronized (responses) {
                return responses.generate(request, serial, Date.from(clock.instant())).getEncoded();
            }
        } catch (TSPException e) {
            throw new IOException("the TSA could not answer", e);
        }
    }
}
