package org.saraban.web.signing;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saraban.signing.pki.InternalPki;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The in-process CA's and TSA's public services over HTTP, at the addresses written into the certificates
 * when {@code saraban.signing.publication-base} is set: any validator can fetch the root, the CRLs, ask
 * OCSP, and timestamp (RFC 5280, 6960, 3161). No login: these answers are public by design.
 */
@RestController
@RequestMapping("/pki")
@Tag(name = "pki", description = "ใบรับรอง รายการเพิกถอน OCSP และการประทับรับรองเวลาของระบบ")
public class PkiController {

    static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType OCSP_REQUEST = MediaType.parseMediaType("application/ocsp-request");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType TIMESTAMP_QUERY = MediaType.parseMediaType("application/timestamp-query");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final InternalPki pki;

    public PkiController(InternalPki pki) {
        this.pki = pki;
    }

    @GetMapping("/root.crt")
    @Operation(summary = "The root CA certificate (DER), to trust Saraban's signatures in a PDF reader")
    public ResponseEntity<byte[]> root() throws CertificateEncodingException {
        return ResponseEntity.ok().contentType(CERTIFICATE).body(pki.rootCertificate().getEncoded());
    }

    @GetMapping("/crl/issuing.crl")
    @Operation(summary = "The issuing CA's CRL (people's certificates)")
    public ResponseEntity<byte[]> issuingCrl() {
        return ResponseEntity.ok().contentType(CRL).body(pki.issuingCrl());
    }

    @GetMapping("/crl/root.crl")
    @Operation(summary = "The root CA's CRL (the issuing CA and TSA certificates)")
    public ResponseEntity<byte[]> rootCrl() {
        return ResponseEntity.ok().contentType(CRL).body(pki.rootCrl());
    }

    @PostMapping(path = "/ocsp", consumes = "application/ocsp-request")
    @Operation(summary = "OCSP (RFC 6960) for certificates this CA issued")
    public ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) throws IOException {
        return ResponseEntity.ok().contentType(OCSP_RESPONSE).body(pki.respondOcsp(request));
    }

    @PostMapping(path = "/tsa", consumes = "application/timestamp-query")
    @Operation(summary = "RFC 3161 time-stamp protocol over HTTP")
    public ResponseEntity<byte[]> timestamp(@RequestBody byte[] query) throws IOException {
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).body(pki.timestampAuthority().respond(query));
    }
}
