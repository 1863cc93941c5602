package org.saraban.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The one-time-password arithmetic against RFC 6238's published test values (SHA-1, six digits). */
class TotpAuthenticatorTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codes_match_the_rfc_6238_test_vectors() {
        // RFC 6238 Appendix B gives eight digits; the six-digit code is their last six
        assertThat(TotpAuthenticator.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(TotpAuthenticator.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(TotpAuthenticator.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(TotpAuthenticator.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void secrets_are_shown_in_base32_as_authenticator_apps_read_them() {
        assertThat(TotpAuthenticator.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(TotpAuthenticator.base32(new byte[] {(byte) 0xff})).isEqualTo("74");
    }
}
