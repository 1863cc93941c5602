package org.saraban.signing.pades;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Turns a freshly rendered letter into PDF/A-3b (ISO 19005-3) with the letter's metadata attached as JSON,
 * the ขมธอ. 11-2560 pattern: a human-readable PDF carrying its machine-readable data. Run it before the first
 * signature: it rewrites the whole file, which would break any signature already there.
 *
 * <p>It adds what the renderer does not: the sRGB output intent, XMP metadata with pdfaid part 3 / B kept in
 * step with the document information, and the JSON as an associated file (AFRelationship Data). It cannot
 * repair content: fonts must already be embedded and there must be no encryption or transparency issues.
 */
public final class PdfA3 {

    /** The JSON attachment's file name inside the PDF. */
    public static final String ATTACHMENT_NAME = "letter.json";

    private PdfA3() {
    }

    /**
     * @param title     dc:title and /Title, e.g. the letter's subject (เรื่อง)
     * @param author    dc:creator and /Author, e.g. the sending agency
     * @param created   the moment the letter was rendered (xmp:CreateDate, /CreationDate)
     * @param json      the letter's metadata, UTF-8 JSON
     */
    public record Metadata(String title, String author, Instant created, String json) {
        public Metadata {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(json, "json");
        }
    }

    public static byte[] convert(byte[] renderedPdf, Metadata metadata) {
        try (PDDocument document = PdfRevisions.load(renderedPdf)) {
            if (!document.getSignatureDictionaries().isEmpty()) {
                throw new PadesException(PadesException.Code.NOT_CONVERTIBLE,
                        "the PDF is already signed; PDF/A conversion rewrites it and would break the signatures");
            }
            Calendar created = PdfRevisions.calendar(metadata.created());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(metadata.title());
            info.setAuthor(metadata.author());
            info.setCreationDate(created);
            info.setModificationDate(created);
            info.setProducer("Saraban");

            PDDocumentCatalog catalog = document.getDocumentCatalog();
            catalog.setMetadata(xmp(document, metadata, created));
            outputIntent(document, catalog);
            attachJson(document, catalog, metadata, created);

            ByteArrayOutputStream out = new ByteArrayOutputStream(renderedPdf.length + 16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF/A-3b document", e);
        }
    }

    private static PDMetadata xmp(PDDocument document, Metadata metadata, Calendar created) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema pdfaId = xmp.createAndAddPDFAIdentificationSchema();
            pdfaId.setPart(3);
            pdfaId.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        // ISO 19005-3 6.6.2.3: every Info entry that is present must have its XMP counterpart with the same value
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(metadata.title());
        dc.addCreator(metadata.author());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer("Saraban");
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot serialize XMP", e);
        }
        PDMetadata stream = new PDMetadata(document);
        stream.importXMPMetadata(serialized.toByteArray());
        return stream;
    }

    private static void outputIntent(PDDocument document, PDDocumentCatalog catalog) throws IOException {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static void attachJson(PDDocument document, PDDocumentCatalog catalog, Metadata metadata,
                                   Calendar created) throws IOException {
        byte[] json = metadata.json().getBytes(StandardCharsets.UTF_8);
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        file.setModDate(created);
        file.setCreationDate(created);

        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT_NAME);
        spec.setFileUnicode(ATTACHMENT_NAME);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("Letter metadata (JSON)");
        // ISO 19005-3 6.8: an embedded file is an associated file, and says how it relates to the document
        spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(java.util.Map.of(ATTACHMENT_NAME, spec));
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(catalog);
            catalog.setNames(names);
        }
        names.setEmbeddedFiles(tree);

        COSArray associated = new COSArray(List.of(spec));
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }
}
