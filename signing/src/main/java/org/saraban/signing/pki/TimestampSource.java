package org.saraban.signing.pki;

/** An RFC 3161 time-stamping authority: in-process ({@link InternalTsa}) or remote ({@link HttpTsaClient}). */
public interface TimestampSource {

    /**
     * @param sha256Digest the SHA-256 message imprint to be timestamped
     * @return the DER-encoded TimeStampToken (a CMS ContentInfo), already checked to match the request
     */
    byte[] timestamp(byte[] sha256Digest);
}
