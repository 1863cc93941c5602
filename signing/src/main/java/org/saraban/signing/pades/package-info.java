/**
 * PAdES signatures on letters, the PDF/A-3b step before them, the receipt stamp after them, and verification.
 *
 * <p>The path of a letter of record:
 * <ol>
 *   <li>{@link org.saraban.signing.pades.PdfA3#convert} on the freshly rendered PDF: sRGB output intent, XMP with
 *       pdfaid 3/B, the letter's metadata as an associated JSON file. Never after a signature.</li>
 *   <li>{@link org.saraban.signing.pades.PadesSigner#prepare} → {@link org.saraban.signing.pki.Signer#sign} on
 *       {@link org.saraban.signing.pades.PreparedSignature#dataToSign()} → {@link
 *       org.saraban.signing.pades.PadesSigner#embed}: one incremental revision per signer (the approver's visa,
 *       then the signatory), each PAdES-B-T. {@link org.saraban.signing.pades.PadesSigner#sign} does the three
 *       steps when the key is at hand.</li>
 *   <li>{@link org.saraban.signing.pades.PadesExtender#extendToLta} when the letter is filed: /DSS with
 *       certificates, CRLs and OCSP answers, then an ETSI.RFC3161 document timestamp (PAdES-B-LTA).</li>
 *   <li>{@link org.saraban.signing.pades.ReceiptStamp#apply} on the recipient's copy: a Stamp annotation in a new
 *       revision, so every signature stays valid.</li>
 *   <li>{@link org.saraban.signing.pades.PdfVerifier#verify} on anything: a {@link
 *       org.saraban.signing.pades.VerificationReport}, never an exception for a bad file.</li>
 * </ol>
 *
 * <p>Visible text goes through {@link org.saraban.signing.pades.AppearanceText}, implemented with the renderer's
 * JDK-shaped glyph writer by {@code org.saraban.signing.render.appearance.ShapedAppearanceText}, which is what is
 * passed to {@code PadesSigner} and {@code ReceiptStamp} (or {@code SigningServices.open}). {@link
 * org.saraban.signing.pades.PlainAppearanceText} uses PDFBox's {@code showText}, which misplaces Thai marks
 * (DESIGN.md §5), and is kept as the tests' control. This package never depends on the renderer.
 *
 * <p>The CMS is assembled from ASN.1 ({@code Cms}) rather than by BouncyCastle's generator, so the signed
 * attributes handed out in step 1 are byte for byte what is signed. Parsing a signature's /Contents trims it to
 * its DER length first: the zero padding is refused by BouncyCastle 1.86.
 *
 * <p>Throughput on one thread, next to raw BouncyCastle CMS in the same run:
 * {@code mvn -q -pl signing test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.saraban.signing.bench.SignBenchmark}.
 */
package org.saraban.signing.pades;
