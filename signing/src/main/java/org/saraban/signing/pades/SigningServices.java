package org.saraban.signing.pades;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.saraban.signing.pki.HttpTsaClient;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.PkiSettings;
import org.saraban.signing.pki.PkiStorage;
import org.saraban.signing.pki.TimestampSource;

/**
 * Everything signing needs, wired once from configuration: the web layer builds one of these at start-up and
 * takes the services it calls from it.
 *
 * @param pki        the in-process CA and TSA (also serves CRL, OCSP and time-stamp requests over HTTP)
 * @param people     each person's signing credential
 * @param signer     prepare / embed (three steps) or sign (one)
 * @param extender   B-LT and B-LTA when a letter is filed
 * @param stamp      the recipient's receipt stamp
 * @param verifier   reports on any PDF, trusting the internal root plus the configured anchors
 */
public record SigningServices(InternalPki pki, PersonalSigners people, PadesSigner signer, PadesExtender extender,
                              ReceiptStamp stamp, PdfVerifier verifier) {

    /**
     * @param externalTsa  an external TSA by URL, or null to timestamp with the internal TSA
     * @param trustAnchors roots trusted besides the internal one (e.g. the Thai National Root CA)
     * @param text         draws visible signatures and stamps: {@code ShapedAppearanceText.bundled(rgb)} (package
     *                     {@code org.saraban.signing.render.appearance}), or {@code new ShapedAppearanceText(fonts,
     *                     rgb)} with the agency's configured {@code FontSet}; {@link PlainAppearanceText} misplaces
     *                     Thai marks and serves only as the tests' control
     */
    public static SigningServices open(PkiStorage storage, PkiSettings settings, HttpTsaClient.TsaSettings externalTsa,
                                       List<X509Certificate> trustAnchors, AppearanceText text, Clock clock)
            throws IOException {
        InternalPki pki = InternalPki.open(storage, settings, clock);
        TimestampSource tsa = externalTsa == null ? pki.timestampAuthority() : new HttpTsaClient(externalTsa);
        List<X509Certificate> anchors = new ArrayList<>(trustAnchors);
        anchors.add(pki.rootCertificate());
        return new SigningServices(pki,
                new PersonalSigners(storage, pki, settings),
                new PadesSigner(tsa, text, clock),
                new PadesExtender(tsa, List.of(pki), List.of(pki.rootCertificate())),
                new ReceiptStamp(text),
                new PdfVerifier(anchors, clock));
    }
}
