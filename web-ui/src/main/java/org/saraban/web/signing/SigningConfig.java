package org.saraban.web.signing;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.saraban.signing.pades.AppearanceText;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.PkiSettings;
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
 * TSA with their state in the app's MongoDB (collection {@code pki}), and the verifier that trusts the
 * internal root (ADR 0006).
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

    /**
     * {@code saraban.signing.publication-base} (e.g. {@code https://saraban.example.go.th/pki/}) is written into
     * the certificates as where their CRLs and OCSP are served ({@link PkiController}).
     * The private keys in the {@code pki} collection are PKCS#12 under {@code saraban.signing.storage-password}
     * (env SARABAN_SIGNING_STORAGE_PASSWORD); against a real MongoDB it must be set, from the deployment's secrets.
     */
    @Bean
    InternalPki internalPki(StorageConfig.Store store, SarabanProperties props, Clock clock,
                            @Value("${saraban.signing.storage-password:}") String storagePassword,
                            @Value("${saraban.signing.organization:Saraban}") String organization,
                            @Value("${saraban.signing.publication-base:}") String publicationBase) throws IOException {
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
        return InternalPki.open(new MongoPkiStorage(store.database()),
                PkiSettings.of(organization, password.toCharArray(),
                        publicationBase.isBlank() ? null : URI.create(publicationBase.endsWith("/") ? publicationBase
                                : publicationBase + "/")), clock);
    }

    @Bean
    PdfVerifier pdfVerifier(InternalPki pki, Clock clock) {
        return new PdfVerifier(List.of(pki.rootCertificate()), clock);
    }
}
