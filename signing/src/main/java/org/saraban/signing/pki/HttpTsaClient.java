package org.saraban.signing.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * An external RFC 3161 TSA over HTTP (RFC 3161 §3.4: POST application/timestamp-query), e.g. a national
 * trust service, configured by URL instead of the internal TSA.
 *
 * @see TsaSettings
 */
public final class HttpTsaClient implements TimestampSource {

    /** Answers larger than this are not time-stamp responses; refusing them bounds memory. */
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final TsaSettings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public HttpTsaClient(TsaSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /**
     * @param url      the TSA's endpoint
     * @param policy   the TSA policy OID to request, or null for the TSA's default
     * @param timeout  for connecting and for the whole answer
     */
    public record TsaSettings(URI url, String policy, Duration timeout) {
        public TsaSettings {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("the TSA URL must be http or https: " + url);
            }
            if (timeout == null) {
                timeout = Duration.ofSeconds(10);
            }
        }
    }

    @Override
    public byte[] timestamp(byte[] sha256Digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (settings.policy() != null) {
            generator.setReqPolicy(new ASN1ObjectIdentifier(settings.policy()));
        }
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256Digest, new BigInteger(64, random));
        try {
            HttpRequest post = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build();
            HttpResponse<InputStream> answer = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = answer.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (answer.statusCode() != 200) {
                throw new PkiException(PkiException.Code.TIMESTAMP_FAILED,
                        "TSA " + settings.url() + " answered HTTP " + answer.statusCode());
            }
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new PkiException(PkiException.Code.TIMESTAMP_FAILED, "TSA answer too large");
            }
            TimeStampResponse response = new TimeStampResponse(body);
            // checks status, nonce, imprint and the token's own signature-certificate binding
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new PkiException(PkiException.Code.TIMESTAMP_FAILED,
                        "TSA refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new PkiException(PkiException.Code.TIMESTAMP_FAILED, "TSA " + settings.url() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PkiException(PkiException.Code.TIMESTAMP_FAILED, "interrupted while waiting for the TSA", e);
        }
    }
}
