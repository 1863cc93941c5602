package org.saraban.signing.pades;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What {@link PadesSigner#prepare} needs besides the PDF.
 *
 * @param chain    the signer's certificate first, then its CA certificates (all go into the CMS)
 * @param visible  the visible box, or null for an invisible signature
 * @param reason   the /Reason, e.g. "ลงนาม" or "ตรวจทาน (visa)"; null for none
 * @param location the /Location (the agency); null for none
 */
public record SignatureRequest(List<X509Certificate> chain, VisibleSignature visible, String reason, String location) {
    public SignatureRequest {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is required");
        }
    }
}
