package org.saraban.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.Dss;
import org.saraban.signing.pades.PadesExtender;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.SignatureRequest;
import org.saraban.signing.pades.TestPdfs;

/**
 * A real PKCS#11 token: SoftHSM 2 (Debian package softhsm2), when the machine has it; skipped otherwise. The
 * key pair is generated inside the token, certified by the internal CA, stored back on the token with its
 * chain, and the letter is signed through SunPKCS11 without the private key ever leaving the token.
 */
class Pkcs11TokenTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final Path UTIL = Path.of("/usr/bin/softhsm2-util");

    @Test
    void key_generated_on_a_softhsm_token_signs_a_letter_that_dss_accepts() throws Exception {
        assumeTrue(Files.isRegularFile(LIBRARY) && Files.isExecutable(UTIL), "SoftHSM 2 is not installed");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF is set by the Maven build");
        Path tokens = Path.of(conf).resolveSibling("softhsm-tokens");
        Files.createDirectories(tokens);
        try (var old = Files.list(tokens)) {
            for (Path stale : old.toList()) {
                deleteTree(stale);
            }
        }
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
        Process init = new ProcessBuilder(UTIL.toString(), "--init-token", "--free", "--label", "saraban-test",
                "--pin", "1234", "--so-pin", "5678").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor()).as(output).isZero();
        Matcher slot = Pattern.compile("slot (\\d+)").matcher(output);
        assertThat(slot.find()).as(output).isTrue();
        Path config = tokens.resolveSibling("softhsm-token.cfg");
        Files.writeString(config, "name = SoftHSM\nlibrary = " + LIBRARY + "\nslot = " + slot.group(1) + "\n");

        InternalPki pki = TestPki.create();
        char[] pin = "1234".toCharArray();
        Pkcs11Token token = Pkcs11Token.open(config, pin);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token.provider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair onToken = generator.generateKeyPair();
        X509Certificate certificate = pki.certify(onToken.getPublic(), TestPki.signatory());
        List<Certificate> chain = new ArrayList<>(List.of(certificate));
        chain.addAll(pki.issuingChain());
        KeyStore keyStore = KeyStore.getInstance("PKCS11", token.provider());
        keyStore.load(null, pin);
        keyStore.setKeyEntry("signatory", onToken.getPrivate(), null, chain.toArray(new Certificate[0]));

        SigningCredential credential = Pkcs11Token.open(config, pin).credential("signatory");
        assertThat(credential.certificate()).isEqualTo(certificate);
        byte[] signed = new PadesExtender(pki.timestampAuthority(), List.of(pki), List.of(pki.rootCertificate()))
                .addValidationData(new PadesSigner(pki.timestampAuthority(), null, Clock.systemUTC())
                        .sign(TestPdfs.letter(), new SignatureRequest(credential.chain(), null, "ลงนาม", null), credential));
        assertThat(Dss.validate(signed, pki.rootCertificate()).signatures()).singleElement()
                .satisfies(v -> assertThat(v.indication()).isEqualTo(Dss.Indication.TOTAL_PASSED));
    }

    private static void deleteTree(Path path) throws java.io.IOException {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
