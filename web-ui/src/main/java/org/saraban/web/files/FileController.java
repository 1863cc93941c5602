package org.saraban.web.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.letter.ImportPaperLetterCommand;
import org.saraban.api.letter.ImportedLetter;
import org.saraban.api.letter.LetterKind;
import org.saraban.api.letter.OwnerUnit;
import org.saraban.api.letter.Recipient;
import org.saraban.api.letter.Secrecy;
import org.saraban.api.letter.Urgency;
import org.saraban.command.store.BlobStore;
import org.saraban.query.letter.LetterQueries;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.saraban.web.support.UnsupportedMediaException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads: enclosure files (content-addressed) and scanned paper letters to register. */
@RestController
@Tag(name = "files")
public class FileController {

    private final BlobStore blobs;
    private final CommandSender commands;
    private final CurrentActor currentActor;
    private final LetterQueries queries;
    private final ObjectMapper json;
    private final Clock clock;
    private final SarabanProperties props;

    public FileController(BlobStore blobs, CommandSender commands, CurrentActor currentActor, LetterQueries queries,
                          ObjectMapper json, Clock clock, SarabanProperties props) {
        this.blobs = blobs;
        this.commands = commands;
        this.currentActor = currentActor;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.props = props;
    }

    @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload an enclosure; returns its SHA-256 to reference from a letter")
    public ResponseEntity<BlobStore.Blob> upload(@RequestPart("file") MultipartFile file) throws IOException {
        currentActor.actor();
        if (file.isEmpty()) {
            throw new InvalidFieldsException("EMPTY_FILE", List.of(new FieldError("file", "must not be empty")));
        }
        BlobStore.Blob blob;
        try (InputStream in = file.getInputStream()) {
            blob = blobs.put(in, file.getContentType(), file.getOriginalFilename());
        }
        return ResponseEntity.created(URI.create("/api/files/" + blob.sha256())).body(blob);
    }

    /** What the clerk confirms about a letter that arrived on paper or by e-mail. */
    public record ImportMetadata(LetterKind kind, String number, LocalDate date, String fromAgency, String subject,
                                 String salutation, List<String> to, List<String> references,
                                 List<String> enclosures, String signatoryName, String signatoryPosition,
                                 OwnerUnit ownerUnit, Urgency urgency, Secrecy secrecy, String channel,
                                 String bodyText) {
    }

    @PostMapping(path = "/api/letters/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an incoming paper or e-mailed letter: scanned PDF + metadata; it is received at once")
    public ResponseEntity<Document> importLetter(@RequestPart("scan") MultipartFile scan,
                                                 @RequestPart("metadata") String metadataJson) throws IOException {
        Actor actor = currentActor.actor();
        ImportMetadata m;
        try {
            m = json.readValue(metadataJson, ImportMetadata.class);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldsException("METADATA_INVALID", List.of(new FieldError("metadata", "not valid JSON for a letter")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (m.subject() == null || m.subject().isBlank()) {
            errors.add(new FieldError("metadata.subject", "required"));
        }
        if (m.fromAgency() == null || m.fromAgency().isBlank()) {
            errors.add(new FieldError("metadata.fromAgency", "required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("METADATA_INVALID", errors);
        }
        byte[] head = new byte[5];
        try (InputStream in = scan.getInputStream()) {
            int n = in.readNBytes(head, 0, 5);
            if (n < 5 || !new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
                throw new UnsupportedMediaException("scan", "the scan must be a PDF");
            }
        }
        String scanText = textLayer(scan);
        BlobStore.Blob blob;
        try (InputStream in = scan.getInputStream()) {
            blob = blobs.put(in, MediaType.APPLICATION_PDF_VALUE, scan.getOriginalFilename());
        }
        List<Recipient> to = m.to() == null ? List.of()
                : m.to().stream().map(t -> new Recipient(actor.agencyCode(), null, null, t, null)).toList();
        ImportedLetter letter = new ImportedLetter(m.kind() == null ? LetterKind.EXTERNAL : m.kind(), m.number(), m.date(),
                m.fromAgency(), m.subject(), m.salutation(), to, m.references(), m.enclosures(), m.signatoryName(),
                m.signatoryPosition(), m.ownerUnit(), m.urgency(), m.secrecy(), m.channel() == null ? "PAPER" : m.channel(),
                m.bodyText() != null && !m.bodyText().isBlank() ? clip(m.bodyText()) : clip(scanText));
        String id = UUID.randomUUID().toString();
        var sent = commands.send(new ImportPaperLetterCommand(id, actor, letter, blob.sha256(), clock.instant()));
        queries.awaitPosition(id, sent.positionOf(id), props.readYourWritesTimeout());
        Document view = queries.find(id, actor).orElseThrow();
        return ResponseEntity.created(URI.create("/api/letters/" + id)).body(view);
    }

    /**
     * The text a scan's PDF carries (a scanner's OCR layer, or an e-mailed PDF's text); null when it has none. A file
     * that does not open as a PDF is refused: the clerk scanned or picked the wrong file.
     */
    static String textLayer(MultipartFile scan) throws IOException {
        org.apache.pdfbox.pdmodel.PDDocument pdf;
        try (InputStream in = scan.getInputStream()) {
            pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes());
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return null; // protected: kept as it is, its text unread
        } catch (IOException | RuntimeException e) {
            throw new InvalidFieldsException("SCAN_UNREADABLE", List.of(new FieldError("scan",
                    "not a readable PDF: " + e.getClass().getSimpleName())));
        }
        try (pdf) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            return text.isBlank() ? null : text.strip();
        } catch (IOException | RuntimeException e) {
            return null; // the file opens but its text does not: the clerk's metadata is all there is
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 200_000 ? text : text.substring(0, 200_000);
    }
}
