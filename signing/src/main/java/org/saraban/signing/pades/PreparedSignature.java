package org.saraban.signing.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The state between {@link PadesSigner#prepare} and {@link PadesSigner#embed}: the PDF with its new revision
 * and zeroed /Contents, and what the key holder must sign. Plain data, so the web layer may keep it while a
 * person confirms on a token elsewhere.
 *
 * @param preparedPdf the PDF with the signature dictionary appended and /Contents reserved (zeros)
 * @param byteRange   the /ByteRange written into it
 * @param dataToSign  DER of the CMS signed attributes: give this to a {@link org.saraban.signing.pki.Signer}
 * @param chain       the signer's chain, signing certificate first
 */
public record PreparedSignature(byte[] preparedPdf, long[] byteRange, byte[] dataToSign, List<X509Certificate> chain) {
    public PreparedSignature {
        chain = List.copyOf(chain);
    }
}
