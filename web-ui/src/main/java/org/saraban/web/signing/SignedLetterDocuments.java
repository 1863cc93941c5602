package org.saraban.web.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.SarabanException;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.DocumentVerification;
import org.saraban.api.letter.LetterException;
import org.saraban.api.letter.PdfStep;
import org.saraban.api.letter.Recipient;
import org.saraban.command.letter.LetterDocuments;
import org.saraban.command.store.BlobStore;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.signing.pades.PadesExtender;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.PdfA3;
import org.saraban.signing.pades.PdfVerifier;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.pades.SignatureRequest;
import org.saraban.signing.pades.VerificationReport;
import org.saraban.signing.pades.VisibleSignature;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.RenderedPdf;
import org.saraban.web.letter.LetterPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The PDF of record of digitally signed letters (ADR 0006), made with the signing module and kept in the
 * content-addressed blob store: every revision is stored before its SHA-256 goes into an event.
 */
@Component
public class SignedLetterDocuments implements LetterDocuments {

    private static final Logger log = LoggerFactory.getLogger(SignedLetterDocuments.class);
    /** The visa stands to the left of the signatory's box, at the left margin (3 cm). */
    private static final float VISA_X = 85f;
    private static final float VISA_WIDTH = 150f;

    private final LetterPdf letterPdf;
    private final LetterRenderer renderer;
    private final PadesSigner signer;
    private final SigningKeys keys;
    private final PadesExtender extender;
    private final PdfVerifier verifier;
    private final ReceiptStamp receiptStamp;
    private final BlobStore blobs;
    private final Directory directory;
    private final ObjectMapper json;

    public SignedLetterDocuments(LetterPdf letterPdf, LetterRenderer renderer, PadesSigner signer, SigningKeys keys,
                                 PadesExtender extender, PdfVerifier verifier, ReceiptStamp receiptStamp,
                                 BlobStore blobs, Directory directory, ObjectMapper json) {
        this.letterPdf = letterPdf;
        this.renderer = renderer;
        this.signer = signer;
        this.keys = keys;
        this.extender = extender;
        this.verifier = verifier;
        this.receiptStamp = receiptStamp;
        this.blobs = blobs;
        this.directory = directory;
        this.json = json;
    }

    @Override
    public String render(LetterOfRecord letter) {
        return guarded("render", () -> {
            RenderedPdf rendered = renderer.render(letterPdf.form(letter));
            String title = letter.content().subject() != null ? letter.content().subject()
                    : letter.content().kind().thai();
            byte[] pdfa = PdfA3.convert(rendered.pdf(), new PdfA3.Metadata(title,
                    Objects.requireNonNullElse(letter.agencyName(), letter.agencyCode()), letter.letterDate(),
                    metadata(letter)));
            return store(pdfa, letter.letterId());
        });
    }

    @Override
    public String sign(String pdfSha256, LetterOfRecord letter, PersonRef person, PdfStep step, Instant at) {
        return guarded("sign", () -> {
            SigningCredential credential = keys.credentialFor(person);
            byte[] signed = signer.sign(load(pdfSha256), request(renderer.render(letterPdf.form(letter)).signature(),
                    person, step, credential.chain(), at), credential);
            if (step == PdfStep.SIGNATURE) {
                // what dispatch delivers carries its own certificates and revocation data (B-LT), so any
                // recipient or validator can check it without reaching this server
                signed = extender.addValidationData(signed);
            }
            return store(signed, letter.letterId());
        });
    }

    /**
     * What the signature shows: the signatory's name, position and time in their box; the approver's visa
     * (ตรวจทาน, name, time) in a smaller box at the left margin, level with it. Without a box (a form with
     * no signature block) the signature is invisible.
     */
    private static VisibleSignature appearance(RenderedPdf.SignatureBox box, PersonRef person, PdfStep step, Instant at) {
        if (box == null) {
            return null;
        }
        String when = ThaiText.date(at) + " " + ThaiText.time(at);
        if (step == PdfStep.VISA) {
            float width = Math.min(VISA_WIDTH, Math.max(60f, box.x() - VISA_X - 10f));
            return new VisibleSignature(box.page(), VISA_X, box.y(), width, box.height(),
                    List.of("ตรวจทาน " + person.displayName(), when));
        }
        List<String> lines = new ArrayList<>();
        lines.add(person.displayName());
        if (person.position() != null && !person.position().isBlank()) {
            lines.add(person.position());
        }
        lines.add("ลงนาม " + when);
        return new VisibleSignature(box.page(), box.x(), box.y(), box.width(), box.height(), lines);
    }

    /**
     * The signatory's signature on the PDF of record of a letter's view, as signing adds it: their appearance
     * in the letter's signature box at {@code at}, the agency as /Location (the preview and token signing).
     */
    SignatureRequest signatoryRequest(Document view, PersonRef person, List<X509Certificate> chain, Instant at) {
        return request(renderer.render(letterPdf.form(view)).signature(), person, PdfStep.SIGNATURE, chain, at);
    }

    private SignatureRequest request(RenderedPdf.SignatureBox box, PersonRef person, PdfStep step,
                                     List<X509Certificate> chain, Instant at) {
        return new SignatureRequest(chain, appearance(box, person, step, at),
                step == PdfStep.VISA ? "ตรวจทาน" : "ลงนาม", agencyName(person.agencyCode()));
    }

    @Override
    public DocumentVerification verify(String pdfSha256) {
        return guarded("verify", () -> verification(verifier.verify(load(pdfSha256))));
    }

    static DocumentVerification verification(VerificationReport report) {
        List<DocumentVerification.Signature> signatures = report.signatures().stream()
                .map(s -> new DocumentVerification.Signature(s.kind().name(), s.signerName(), s.level().name(),
                        s.intact(), s.certificateStatus() == null ? null : s.certificateStatus().name(),
                        s.claimedTime(), s.timestampTime()))
                .toList();
        String weakest = report.signatures().stream()
                .filter(s -> s.kind() == VerificationReport.Kind.SIGNATURE)
                .map(VerificationReport.SignatureReport::level)
                .min(Comparator.naturalOrder()).map(Enum::name).orElse(null);
        return new DocumentVerification(report.allValid(), weakest, VerifyController.summaryThai(report), signatures);
    }

    @Override
    public String stampReceipt(String pdfSha256, Receipt receipt) {
        // the agency's letter code, as on the stamp of a letter signed by typed name (LetterPdf)
        return guarded("stamp", () -> store(receiptStamp.apply(load(pdfSha256), new ReceiptStamp.Receipt(
                receipt.agencyCode(), receipt.receivingNumber(), ThaiText.date(receipt.at()),
                ThaiText.time(receipt.at()))), "received"));
    }

    @Override
    public String preserve(String pdfSha256) {
        return guarded("preserve", () -> store(extender.extendToLta(load(pdfSha256)), "filed"));
    }

    @Override
    public java.util.Optional<java.time.Instant> timestampExpiry(String pdfSha256) {
        return extender.documentTimestampExpiry(load(pdfSha256));
    }

    @Override
    public String retimestamp(String pdfSha256) {
        return guarded("re-timestamp", () -> store(extender.extendToLta(load(pdfSha256)), "retimestamped"));
    }

    public byte[] load(String sha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blobs.copyTo(sha256, out);
        return out.toByteArray();
    }

    private String store(byte[] pdf, String name) {
        return blobs.put(new ByteArrayInputStream(pdf), "application/pdf", name + ".pdf").sha256();
    }

    private String agencyName(String code) {
        return directory.agency(code).map(Agency::name).orElse(code);
    }

    /** letter.json inside the PDF/A-3: what the letter is, for machines that read the archive later. */
    private String metadata(LetterOfRecord letter) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("letterId", letter.letterId());
        m.put("agencyCode", letter.agencyCode());
        m.put("agencyName", letter.agencyName());
        m.put("kind", letter.content().kind().name());
        m.put("number", letter.number());
        m.put("date", letter.letterDate() == null ? null : letter.letterDate().toString());
        m.put("dateThai", letter.letterDate() == null ? null : ThaiText.date(letter.letterDate()));
        m.put("subject", letter.content().subject());
        m.put("to", letter.content().to().stream().map(Recipient::label).toList());
        m.put("urgency", letter.content().urgency().name());
        m.put("secrecy", letter.content().secrecy().name());
        m.put("signatory", letter.content().signatory() == null ? null : Map.of(
                "name", letter.content().signatory().displayName(),
                "position", Objects.requireNonNullElse(letter.content().signatory().position(), "")));
        return json.writeValueAsString(m);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /**
     * A refusal that names what failed: a TSA that does not answer or a token that refuses makes the command
     * fail as a whole (503), nothing is recorded, and the caller may try again.
     */
    private static <T> T guarded(String what, Step<T> step) {
        try {
            return step.run();
        } catch (SarabanException e) {
            throw e;
        } catch (Exception e) {
            log.warn("could not {} the PDF of record", what, e);
            throw new LetterException("SIGNING_UNAVAILABLE", LetterException.Kind.UNAVAILABLE,
                    "could not " + what + " the PDF of record: " + e.getMessage());
        }
    }
}
