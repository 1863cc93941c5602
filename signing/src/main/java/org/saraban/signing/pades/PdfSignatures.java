package org.saraban.signing.pades;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Reading the CMS of existing signatures: for validation data, and for verification. */
final class PdfSignatures {

    static final String CADES_DETACHED = "ETSI.CAdES.detached";
    static final String RFC3161 = "ETSI.RFC3161";

    private PdfSignatures() {
    }

    static boolean isDocumentTimestamp(PDSignature signature) {
        return RFC3161.equals(signature.getSubFilter())
                || COSName.DOC_TIME_STAMP.equals(signature.getCOSObject().getCOSName(COSName.TYPE));
    }

    /**
     * The CMS in /Contents, cut to its DER length: /Contents is zero-padded to the size reserved for it, and
     * BouncyCastle refuses trailing bytes.
     */
    static CMSSignedData cms(byte[] contents) throws CMSException {
        int length = Cms.derLength(contents);
        if (length < 0) {
            throw new CMSException("/Contents does not hold a DER SEQUENCE");
        }
        return new CMSSignedData(length == contents.length ? contents : Arrays.copyOf(contents, length));
    }

    /** Signature timestamp tokens in a signer's unsigned attributes. */
    static List<TimeStampToken> signatureTimestamps(SignerInformation signer) throws IOException, TSPException {
        List<TimeStampToken> tokens = new ArrayList<>();
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return tokens;
        }
        ASN1EncodableVector attributes = unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        for (int i = 0; i < attributes.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(attributes.get(i)).getAttrValues()) {
                try {
                    tokens.add(new TimeStampToken(new CMSSignedData(value.toASN1Primitive().getEncoded())));
                } catch (CMSException e) {
                    throw new TSPException("unreadable signature timestamp", e);
                }
            }
        }
        return tokens;
    }

    static List<X509Certificate> certificates(Collection<X509CertificateHolder> holders) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException unreadable) {
                // a certificate the JDK cannot read cannot be part of any chain we build; skip it
            }
        }
        return certificates;
    }
}
