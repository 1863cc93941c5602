package org.saraban.web.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.letter.LetterException;
import org.saraban.signing.pades.PadesSigner;
import org.saraban.signing.pades.PreparedSignature;
import org.saraban.signing.pades.SignatureRequest;
import org.saraban.signing.pades.VisibleSignature;
import org.springframework.stereotype.Component;

/**
 * What the signatory's signature will look like before they sign: the PDF of record prepared with their
 * appearance (name, position, time) exactly as signing would add it, the signature's part of the page
 * rendered to PNG. Nothing is signed or stored.
 */
@Component
public class SignaturePreview {

    /**
     * Rendering scale (2 = 144 dpi) and the margins around the box, in points: the text above and below it,
     * but not the approver's visa beside it.
     */
    private static final float SCALE = 2f;
    private static final float MARGIN_X = 6f;
    private static final float MARGIN_Y = 24f;

    private final SignedLetterDocuments documents;
    private final PadesSigner signer;
    private final SigningKeys keys;
    private final Clock clock;

    public SignaturePreview(SignedLetterDocuments documents, PadesSigner signer, SigningKeys keys, Clock clock) {
        this.documents = documents;
        this.signer = signer;
        this.keys = keys;
        this.clock = clock;
    }

    /** PNG of the signature area of the letter (its view, as the caller may see it) signed by {@code actor}. */
    public byte[] png(Document view, Actor actor) {
        String pdfSha256 = TokenSigning.requireSignable(view, actor);
        SignatureRequest request = documents.signatoryRequest(view, actor.ref(),
                keys.credentialFor(actor.ref()).chain(), clock.instant());
        VisibleSignature visible = request.visible();
        if (visible == null) {
            throw LetterException.conflict("NO_SIGNATURE_BOX", "this form has no place for a visible signature");
        }
        PreparedSignature prepared = signer.prepare(documents.load(pdfSha256), request);
        try (PDDocument doc = Loader.loadPDF(prepared.preparedPdf())) {
            PDRectangle page = doc.getPage(visible.pageIndex()).getMediaBox();
            BufferedImage image = new PDFRenderer(doc).renderImage(visible.pageIndex(), SCALE);
            int x = clamp((visible.x() - MARGIN_X) * SCALE, image.getWidth());
            int y = clamp((page.getHeight() - visible.y() - visible.height() - MARGIN_Y) * SCALE, image.getHeight());
            int w = Math.min(image.getWidth() - x, Math.round((visible.width() + 2 * MARGIN_X) * SCALE));
            int h = Math.min(image.getHeight() - y, Math.round((visible.height() + 2 * MARGIN_Y) * SCALE));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image.getSubimage(x, y, w, h), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the signature preview", e);
        }
    }

    private static int clamp(float v, int max) {
        return Math.max(0, Math.min(max - 1, Math.round(v)));
    }
}
