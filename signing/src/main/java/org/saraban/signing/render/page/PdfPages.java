package org.saraban.signing.render.page;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A PDF under construction: pages with their canvases, shared resources, and a save that gives the
 * same bytes for the same content (no clock, no random file identifier), so a rendered letter can be
 * addressed by its hash and rendering it again proves nothing changed.
 */
public final class PdfPages implements Closeable {

    private final PDDocument document = new PDDocument();
    private final DocumentResources resources = new DocumentResources(document);
    private final List<PDPage> pages = new ArrayList<>();
    private final List<Canvas> canvases = new ArrayList<>();

    public DocumentResources resources() {
        return resources;
    }

    /** Adds a page of {@code size} and returns the canvas to draw it on. */
    public Canvas newPage(PDRectangle size) {
        PDPage page = new PDPage(size);
        page.setResources(resources.resources());
        document.addPage(page);
        pages.add(page);
        Canvas c = new Canvas(resources);
        canvases.add(c);
        return c;
    }

    public int pageCount() {
        return pages.size();
    }

    /** Writes the document; {@code title} goes into its information dictionary. */
    public byte[] save(String title) throws IOException {
        MessageDigest digest = sha256();
        digest.update(title.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < pages.size(); i++) {
            byte[] content = canvases.get(i).toByteArray();
            digest.update(content);
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content);
            }
            pages.get(i).setContents(stream);
        }
        resources.finish();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Saraban");
        document.getDocumentCatalog().setLanguage("th-TH");
        // the trailer /ID derives from this instead of the clock
        document.setDocumentId(ByteBuffer.wrap(digest.digest()).getLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
