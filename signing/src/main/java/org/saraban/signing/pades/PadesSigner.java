package org.saraban.signing.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TimestampSource;

/**
 * PAdES-B-T signatures in three steps, so the private key never has to be where the PDF is:
 * <ol>
 *   <li>{@link #prepare}: append a revision with the signature field and reserved /Contents, and return the
 *       data to sign (the DER of the CMS signed attributes over the /ByteRange digest);</li>
 *   <li>a {@link org.saraban.signing.pki.Signer} signs that data (software key, PKCS#11 token, remote);</li>
 *   <li>{@link #embed}: assemble the CMS with a signature timestamp from the TSA and write it into
 *       /Contents.</li>
 * </ol>
 * Each call to {@link #prepare} on the previous output adds one more signer as a new incremental revision
 * (an approver's visa, then the signatory), leaving earlier signatures intact.
 */
public final class PadesSigner {

    /** Enough for a chain of three RSA-4096 certificates and a timestamp token with its own chain. */
    public static final int DEFAULT_RESERVE_BYTES = 24 * 1024;

    private static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    private final TimestampSource tsa;
    private final AppearanceText appearanceText;
    private final Clock clock;
    private final int reserveBytes;

    public PadesSigner(TimestampSource tsa, AppearanceText appearanceText, Clock clock) {
        this(tsa, appearanceText, clock, DEFAULT_RESERVE_BYTES);
    }

    /**
     * @param tsa            signature timestamps (B-T); the internal TSA or an external one by URL; null gives
     *                       PAdES-B-B signatures (no trusted time), for callers that timestamp later
     * @param appearanceText draws visible signatures; may be null if no request has a visible box
     * @param reserveBytes   bytes reserved for each CMS in /Contents
     */
    /** Credentials whose key was seen to match their certificate; weak, so a replaced key is forgotten. */
    private final Set<SigningCredential> checkedCredentials =
            Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    public PadesSigner(TimestampSource tsa, AppearanceText appearanceText, Clock clock, int reserveBytes) {
        this.tsa = tsa;
        this.appearanceText = appearanceText;
        this.clock = clock;
        this.reserveBytes = reserveBytes;
    }

    /** Step 1: a new revision with a reserved signature, and the data to sign. */
    public PreparedSignature prepare(byte[] pdf, SignatureRequest request) {
        if (request.visible() != null && appearanceText == null) {
            throw new IllegalStateException("a visible signature needs an AppearanceText");
        }
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(CADES_DETACHED);
        // PAdES baseline: the claimed signing time is /M, never a signing-time attribute
        signature.setSignDate(PdfRevisions.calendar(clock.instant()));
        if (request.reason() != null) {
            signature.setReason(request.reason());
        }
        if (request.location() != null) {
            signature.setLocation(request.location());
        }
        try {
            PdfRevisions.Reserved reserved = PdfRevisions.reserve(pdf, signature, reserveBytes,
                    request.visible(), appearanceText);
            byte[] dataToSign = Cms.signedAttributes(reserved.digest(), request.chain().get(0));
            return new PreparedSignature(reserved.pdf(), reserved.byteRange(), dataToSign, request.chain());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signature revision", e);
        }
    }

    /**
     * Step 3: checks the signature value against the certificate and the prepared PDF against the signed
     * digest, timestamps the value and writes the CMS. Returns a PAdES-B-T PDF (B-B without a TSA).
     */
    public byte[] embed(PreparedSignature prepared, byte[] signatureValue) {
        return embed(prepared, signatureValue, true);
    }

    private byte[] embed(PreparedSignature prepared, byte[] signatureValue, boolean checkValue) {
        byte[] digest = PdfRevisions.rangeDigest(prepared.preparedPdf(), prepared.byteRange());
        if (!MessageDigest.isEqual(digest, messageDigest(prepared.dataToSign()))) {
            throw new PadesException(PadesException.Code.PREPARED_PDF_CHANGED,
                    "the prepared PDF no longer matches the data that was signed");
        }
        // a wrong key (or a token that signed something else) would otherwise produce a PDF that fails later
        if (checkValue && !Cms.verifies(prepared.dataToSign(), signatureValue, prepared.chain().get(0))) {
            throw new PadesException(PadesException.Code.SIGNATURE_VALUE_MISMATCH,
                    "the signature value does not verify with the signer's certificate");
        }
        byte[] timestamp = tsa == null ? null : tsa.timestamp(Cms.sha256(signatureValue));
        byte[] cms = Cms.signedData(prepared.dataToSign(), signatureValue, prepared.chain(), timestamp);
        return PdfRevisions.embed(prepared.preparedPdf(), prepared.byteRange(), cms);
    }

    /**
     * All three steps with a key at hand. Whether the credential's key matches its certificate is checked the
     * first time this signer uses it (a public-key operation as costly as the signature itself for ECDSA),
     * not on every signature.
     */
    public byte[] sign(byte[] pdf, SignatureRequest request, SigningCredential credential) {
        if (!request.chain().get(0).equals(credential.certificate())) {
            throw new IllegalArgumentException("the request's certificate is not the credential's");
        }
        PreparedSignature prepared = prepare(pdf, request);
        boolean firstUse = !checkedCredentials.contains(credential);
        byte[] signed = embed(prepared, credential.signer().sign(prepared.dataToSign()), firstUse);
        if (firstUse) {
            checkedCredentials.add(credential);
        }
        return signed;
    }

    private static byte[] messageDigest(byte[] signedAttributes) {
        for (var element : ASN1Set.getInstance(signedAttributes)) {
            Attribute attribute = Attribute.getInstance(element);
            if (CMSAttributes.messageDigest.equals(attribute.getAttrType())) {
                return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
            }
        }
        throw new PadesException(PadesException.Code.PREPARED_PDF_CHANGED, "the data to sign has no message digest");
    }
}
