package org.saraban.web.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.saraban.query.directory.Directory;
import org.saraban.signing.pades.AppearanceText;
import org.saraban.signing.pades.PadesExtender;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.pki.HttpTsaClient;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.Pkcs11Token;
import org.saraban.signing.pki.PkiSettings;
import org.saraban.signing.pki.PkiStorage;
import org.saraban.signing.pki.TimestampSource;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.RegisterRenderer;
import org.saraban.signing.render.appearance.ShapedAppearanceText;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.config.StorageConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing module wired into the app: the renderers (thread-safe, one each), the in-process CA and
 * TSA with their state in the app's MongoDB (collection {@code pki}), people's keys, the PAdES signer and
 * extender, and the verifier that trusts the internal root (ADR 0006).
 */
@Configuration(proxyBeanMethods = false)
public class SigningConfig {

    private static final Logger log = LoggerFactory.getLogger(SigningConfig.class);
    /** Only for the embedded demo store, whose data is not protected anyway. */
    private static final String EMBEDDED_DEMO_PASSWORD = "saraban-embedded-demo";

    @Bean
    LetterRenderer letterRenderer() {
        return new LetterRenderer();
    }

    @Bean
    RegisterRenderer registerRenderer() {
        return new RegisterRenderer();
    }

    /** Signature appearances and receipt stamps in Thai set by the renderer's shaper, in stamp-pad blue. */
    @Bean
    AppearanceText appearanceText() {
        return ShapedAppearanceText.bundled(new float[] {0.1f, 0.2f, 0.6f});
    }

    @Bean
    ReceiptStamp receiptStamp(AppearanceText text) {
        return new ReceiptStamp(text);
    }

    @Bean
    PkiStorage pkiStorage(StorageConfig.Store store) {
        return new MongoPkiStorage(store.database());
    }

    /**
     * {@code saraban.signing.publication-base} (e.g. {@code https://saraban.example.go.th/pki/}) is written into
     * the certificates as where their CRLs and OCSP are served ({@link PkiController}).
     * The private keys in the {@code pki} collection are PKCS#12 under {@code saraban.signing.storage-password}
     * (env SARABAN_SIGNING_STORAGE_PASSWORD); against a real MongoDB it must be set, from the deployment's secrets.
     */
    @Bean
    PkiSettings pkiSettings(SarabanProperties props,
                            @Value("${saraban.signing.storage-password:}") String storagePassword,
                            @Value("${saraban.signing.organization:Saraban}") String organization,
                            @Value("${saraban.signing.publication-base:}") String publicationBase) {
        String password = storagePassword;
        if (password.isBlank()) {
            if (!props.embeddedMode()) {
                throw new IllegalStateException("saraban.signing.storage-password (SARABAN_SIGNING_STORAGE_PASSWORD) "
                        + "must be set when a MongoDB URI is configured: it protects the signing keys stored there");
            }
            log.warn("signing keys on the embedded store are protected by the built-in demo password; "
                    + "set saraban.signing.storage-password for anything but a demo");
            password = EMBEDDED_DEMO_PASSWORD;
        }
        return PkiSettings.of(organization, password.toCharArray(), publicationBase.isBlank() ? null
                : URI.create(publicationBase.endsWith("/") ? publicationBase : publicationBase + "/"));
    }

    @Bean
    InternalPki internalPki(PkiStorage storage, PkiSettings settings, Clock clock) throws IOException {
        return InternalPki.open(storage, settings, clock);
    }

    /**
     * Signature and document timestamps: the in-process TSA, or the one at {@code saraban.signing.tsa-url}
     * (RFC 3161 over HTTP, optional {@code saraban.signing.tsa-policy}).
     */
    @Bean
    TimestampSource timestampSource(InternalPki pki, @Value("${saraban.signing.tsa-url:}") String tsaUrl,
                                    @Value("${saraban.signing.tsa-policy:}") String tsaPolicy) {
        if (tsaUrl.isBlank()) {
            return pki.timestampAuthority();
        }
        return new HttpTsaClient(new HttpTsaClient.TsaSettings(URI.create(tsaUrl),
                tsaPolicy.isBlank() ? null : tsaPolicy, Duration.ofSeconds(10)));
    }

    @Bean
    PersonalSigners personalSigners(PkiStorage storage, InternalPki pki, PkiSettings settings) {
        return new PersonalSigners(storage, pki, settings);
    }

    @Bean
    PadesSigner padesSigner(TimestampSource tsa, AppearanceText text, Clock clock) {
        return new PadesSigner(tsa, text, clock);
    }

    @Bean
    PadesExtender padesExtender(TimestampSource tsa, InternalPki pki) {
        return new PadesExtender(tsa, List.of(pki), List.of(pki.rootCertificate()));
    }

    /**
     * A PKCS#11 token (HSM or smart-card reader) from {@code saraban.signing.pkcs11.config} (a SunPKCS11
     * configuration file) and {@code saraban.signing.pkcs11.pin}: a person whose username is a key alias on the
     * token signs with that key; everyone else with the key the internal CA issued them.
     */
    @Bean
    SigningKeys signingKeys(PersonalSigners people, Directory directory,
                            @Value("${saraban.signing.pkcs11.config:}") String pkcs11Config,
                            @Value("${saraban.signing.pkcs11.pin:}") String pkcs11Pin,
                            @Value("${saraban.signing.key-algorithm:ECDSA_P256}") KeyAlgorithm algorithm) {
        Pkcs11Token token = pkcs11Config.isBlank() ? null
                : Pkcs11Token.open(Path.of(pkcs11Config), pkcs11Pin.toCharArray());
        return new SigningKeys(people, token, directory, algorithm);
    }

    @Bean
    PdfVerifier pdfVerifier(InternalPki pki, Clock clock,
                            @Value("${saraban.signing.trust-anchors:}") List<String> trustAnchorFiles)
            throws IOException {
        List<X509Certificate> anchors = new ArrayList<>();
        anchors.add(pki.rootCertificate());
        for (String file : trustAnchorFiles) {
            if (!file.isBlank()) {
                anchors.add(certificate(Path.of(file.trim())));
            }
        }
        return new PdfVerifier(anchors, clock);
    }

    /**
     * A root certificate (PEM or DER) that verification trusts besides the in-process root, e.g. the Thai
     * National Root CA for signatures made with keys people imported.
     */
    private static X509Certificate certificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IllegalStateException("saraban.signing.trust-anchors: " + file + " is no X.509 certificate", e);
        }
    }
}
