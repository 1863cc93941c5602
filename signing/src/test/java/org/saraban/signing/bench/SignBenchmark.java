package org.saraban.signing.bench;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.saraban.signing.pades.PadesExtender;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.SignatureRequest;
import org.saraban.signing.pades.TestPdfs;
import org.saraban.signing.pki.InternalPki;
import org.saraban.signing.pki.KeyAlgorithm;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.pki.TestPki;

/**
 * One-thread throughput of signing and verifying, next to raw BouncyCastle CMS signing of the same bytes with
 * the same key in the same run (issue 4, item 8). Not a test: numbers depend on the machine.
 *
 * <pre>
 * mvn -q -pl signing test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.saraban.signing.bench.SignBenchmark
 * </pre>
 * A PAdES-B-T signature here is prepare + sign + embed with a signature timestamp from the in-process TSA, so
 * it costs two private-key operations (the signer's and the TSA's) where raw CMS costs one: its ratio to raw
 * CMS cannot pass about 0.5 however fast the PDF work is. PAdES-B-B (same steps, no timestamp) is printed
 * beside it for the like-for-like comparison.
 */
public final class SignBenchmark {

    private static final long MEASURE_NANOS = 4_000_000_000L;

    private SignBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchOut out = BenchOut.open()) {
            run(args);
        }
    }

    static void run(String[] args) throws Exception {
        InternalPki pki = TestPki.create();
        PadesSigner signer = new PadesSigner(pki.timestampAuthority(), null, Clock.systemUTC());
        PadesSigner basic = new PadesSigner(null, null, Clock.systemUTC());
        byte[] letter = TestPdfs.letter();
        System.out.printf(Locale.ROOT, "input: one-page letter, %d bytes; %s%n", letter.length,
                Runtime.version());
        System.out.printf(Locale.ROOT, "%-11s %10s %12s %10s %12s %10s %14s %10s%n", "key", "raw CMS/s",
                "PAdES-B-T/s", "B-T/CMS", "PAdES-B-B/s", "B-B/CMS", "raw CMS+TST/s", "B-T/that");
        byte[] lastSigned = null;
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            InternalPki.IssuedKey issued = pki.issue(TestPki.signatory(), algorithm);
            SigningCredential credential = issued.credential();
            SignatureRequest request = new SignatureRequest(credential.chain(), null, "ลงนาม", null);
            CMSSignedDataGenerator raw = new CMSSignedDataGenerator();
            raw.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                            .build(issued.privateKey()), credential.certificate()));
            raw.addCertificates(new JcaCertStore(credential.chain()));

            Runnable pades = () -> signer.sign(letter, request, credential);
            Runnable padesBasic = () -> basic.sign(letter, request, credential);
            Runnable cms = () -> {
                try {
                    raw.generate(new CMSProcessableByteArray(letter), false).getEncoded();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            // the like-for-like baseline of B-T: raw CMS plus one token from the same TSA over its signature
            Runnable cmsWithTimestamp = () -> {
                try {
                    var signed = raw.generate(new CMSProcessableByteArray(letter), false);
                    byte[] value = signed.getSignerInfos().iterator().next().getSignature();
                    pki.timestampAuthority().timestamp(java.security.MessageDigest.getInstance("SHA-256").digest(value));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (Runnable warm : List.of(pades, padesBasic, cms, cmsWithTimestamp)) {
                rate(warm, 1_000_000_000L);
            }
            double cmsRate = rate(cms, MEASURE_NANOS);
            double padesRate = rate(pades, MEASURE_NANOS);
            double basicRate = rate(padesBasic, MEASURE_NANOS);
            double cmsTstRate = rate(cmsWithTimestamp, MEASURE_NANOS);
            System.out.printf(Locale.ROOT, "%-11s %10.0f %12.0f %10.2f %12.0f %10.2f %14.0f %10.2f%n", algorithm,
                    cmsRate, padesRate, padesRate / cmsRate, basicRate, basicRate / cmsRate, cmsTstRate,
                    padesRate / cmsTstRate);
            lastSigned = signer.sign(letter, request, credential);
        }

        PdfVerifier verifier = new PdfVerifier(List.of(pki.rootCertificate()), Clock.systemUTC());
        byte[] bt = lastSigned;
        byte[] lta = new PadesExtender(pki.timestampAuthority(), List.of(pki), List.of(pki.rootCertificate()))
                .extendToLta(bt);
        for (var entry : List.of(new Object[]{"B-T", bt}, new Object[]{"B-LTA", lta})) {
            byte[] pdf = (byte[]) entry[1];
            Runnable verify = () -> {
                if (verifier.verify(pdf).signatures().isEmpty()) {
                    throw new IllegalStateException("no signature found");
                }
            };
            rate(verify, 1_000_000_000L);
            System.out.printf(Locale.ROOT, "verifications/s (%s, ECDSA P-256 signer): %.0f%n", entry[0],
                    rate(verify, MEASURE_NANOS));
        }
    }

    private static double rate(Runnable operation, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < nanos) {
            operation.run();
            count++;
        }
        return count * 1e9 / (System.nanoTime() - start);
    }
}
