package org.saraban.signing.pades;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * Runs inside {@link Dss}'s own class loader: only JDK types cross the boundary. Offline, our root as the only
 * trust anchor, so revocation can only come from what the PDF itself carries.
 */
public final class DssRunner {

    private DssRunner() {
    }

    /** @return one line per signature and timestamp "id|indication|subIndication|format", then the simple report XML */
    public static String[] validate(byte[] pdf, byte[] trustAnchor) throws Exception {
        X509Certificate anchor = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(trustAnchor));
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(anchor));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        List<String> lines = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            lines.add(id + "|" + simple.getIndication(id) + "|" + simple.getSubIndication(id) + "|"
                    + simple.getSignatureFormat(id));
        }
        lines.add(reports.getXmlSimpleReport());
        return lines.toArray(new String[0]);
    }
}
