package org.saraban.signing.pades;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.saraban.signing.pki.KeyAlgorithm;

/**
 * CAdES-detached as PAdES baseline wants it (ETSI EN 319 142-1 §6.3): signed attributes content-type,
 * message-digest and signing-certificate-v2, no signing-time (the time is /M and the timestamp); the
 * signature timestamp as an unsigned attribute. Assembled from ASN.1 directly so the signed attributes handed
 * out by prepare are exactly the bytes that end up signed.
 */
final class Cms {

    static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    private Cms() {
    }

    static byte[] signedAttributes(byte[] contentDigest, X509Certificate signer) {
        try {
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
                    signer.getSerialNumber());
            // ESSCertIDv2 with the default hash (SHA-256) omits the algorithm, as DER requires
            ESSCertIDv2 certId = new ESSCertIDv2(sha256(signer.getEncoded()), issuerSerial);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
            attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{certId}))));
            return new DERSet(attributes).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the signed attributes", e);
        }
    }

    /**
     * The CMS SignedData (as ContentInfo, DER) around a signature value.
     *
     * @param signatureTimestamp DER TimeStampToken over the signature value, or null for B-B
     */
    static byte[] signedData(byte[] signedAttributes, byte[] signatureValue, List<X509Certificate> chain,
                             byte[] signatureTimestamp) {
        try {
            X509Certificate signer = chain.get(0);
            Certificate signerCertificate = Certificate.getInstance(signer.getEncoded());
            ASN1Set unsigned = null;
            if (signatureTimestamp != null) {
                unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ContentInfo.getInstance(signatureTimestamp))));
            }
            SignerInfo signerInfo = new SignerInfo(
                    new SignerIdentifier(new IssuerAndSerialNumber(signerCertificate)),
                    SHA256,
                    ASN1Set.getInstance(signedAttributes),
                    signatureAlgorithm(KeyAlgorithm.of(signer.getPublicKey())),
                    new DEROctetString(signatureValue),
                    unsigned);
            ASN1EncodableVector certificates = new ASN1EncodableVector();
            for (X509Certificate certificate : chain) {
                certificates.add(Certificate.getInstance(certificate.getEncoded()));
            }
            SignedData signedData = new SignedData(new DERSet(SHA256),
                    new ContentInfo(CMSObjectIdentifiers.data, null),
                    new DERSet(certificates), null, new DERSet(signerInfo));
            return new ContentInfo(CMSObjectIdentifiers.signedData, signedData).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the CMS signature", e);
        }
    }

    static AlgorithmIdentifier signatureAlgorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_2048 -> new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            case ECDSA_P256 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        };
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** BouncyCastle's ECDSA verification is several times faster than the JDK's SunEC here (measured). */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    static boolean verifies(byte[] data, byte[] signatureValue, X509Certificate certificate) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(
                    KeyAlgorithm.of(certificate.getPublicKey()).signatureAlgorithm(), BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signatureValue);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Length of the DER object at the start of {@code contents}: /Contents is zero-padded to its reserved size,
     * and BouncyCastle refuses the padding, so the CMS is cut to its own length first.
     *
     * @return the length, or -1 if the bytes do not start with a definite-length DER SEQUENCE that fits
     */
    static int derLength(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            return -1;
        }
        int first = contents[1] & 0xff;
        if (first < 0x80) {
            return 2 + first <= contents.length ? 2 + first : -1;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 4 || 2 + count > contents.length) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (contents[2 + i] & 0xff);
        }
        long total = 2 + count + length;
        return total <= contents.length ? (int) total : -1;
    }
}
