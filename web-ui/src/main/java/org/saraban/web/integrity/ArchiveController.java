package org.saraban.web.integrity;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.common.NotFoundException;
import org.saraban.query.letter.LetterQueries;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A letter's archive bundle, for anyone who may see the letter (404 for anyone else, as for the letter). */
@RestController
public class ArchiveController {

    private final ArchiveBundles bundles;
    private final LetterQueries letters;
    private final CurrentActor currentActor;
    private final org.saraban.web.letter.SecretAccess secretAccess;

    public ArchiveController(ArchiveBundles bundles, LetterQueries letters, CurrentActor currentActor,
                             org.saraban.web.letter.SecretAccess secretAccess) {
        this.secretAccess = secretAccess;
        this.bundles = bundles;
        this.letters = letters;
        this.currentActor = currentActor;
    }

    /**
     * Archive search (issue 6, item 3): Thai-aware free text over what the letters say, their numbers and dates
     * (Buddhist or Common Era, Thai or Arabic digits), with filters; only letters the caller may see.
     */
    @GetMapping(path = "/api/search", produces = "application/json")
    @Operation(summary = "Search letters: q (Thai, no spaces needed), kind, direction, agency, from/to (ISO dates); "
            + "on the embedded store past 20,000 candidates only the latest changed are read (partial: true, searched: n) "
            + "unless all=true")
    public LetterQueries.Page search(@RequestParam(defaultValue = "") String q,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) String direction,
                                     @RequestParam(required = false) String agency,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size,
                                     @RequestParam(defaultValue = "false") boolean all) {
        if (q.isBlank()) {
            throw new org.saraban.api.common.InvalidFieldsException("QUERY_EMPTY", java.util.List.of(
                    new org.saraban.api.common.FieldError("q", "type what to search for")));
        }
        checkDates(from, to);
        return letters.search(currentActor.actor(), q, kind, direction, agency, from, to, page, size, all);
    }

    /**
     * The archive's search (API.md, Archive): as {@link #search}, over the filed letters only (filed, handed over or
     * destroyed); with no {@code q}, every filed letter that passes the filters, the latest dated first. Each item
     * carries its {@code filing}.
     */
    @GetMapping(path = "/api/archive", produces = "application/json")
    @Operation(summary = "Search the filed letters: q (Thai, no spaces needed; empty lists them all), kind, agency, "
            + "from/to (ISO dates); items carry filing (file code, kept until); partial/searched as for /api/search")
    public LetterQueries.Page archive(@RequestParam(defaultValue = "") String q,
                                      @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String agency,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size,
                                      @RequestParam(defaultValue = "false") boolean all) {
        checkDates(from, to);
        return letters.archive(currentActor.actor(), q, kind, agency, from, to, page, size, all);
    }

    private static void checkDates(String from, String to) {
        java.util.List<org.saraban.api.common.FieldError> dates = new java.util.ArrayList<>();
        checkDate("from", from, dates);
        checkDate("to", to, dates);
        if (!dates.isEmpty()) {
            throw new org.saraban.api.common.InvalidFieldsException("INVALID_DATE", dates);
        }
    }

    private static void checkDate(String field, String value, java.util.List<org.saraban.api.common.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new org.saraban.api.common.FieldError(field, "a date as YYYY-MM-DD (Common Era)"));
        }
    }

    @GetMapping(path = {"/api/letters/{id}/bundle", "/api/archive/{id}/bundle"}, produces = "application/zip")
    @Operation(summary = "The letter's archive bundle: PDF of record, events, hash chain to a signed checkpoint, "
            + "sealed manifest; verified offline by BundleVerifier")
    public ResponseEntity<byte[]> bundle(@PathVariable String id) throws IOException {
        Document view = letters.find(id, currentActor.actor())
                .orElseThrow(() -> new NotFoundException("LETTER_NOT_FOUND", "not found"));
        // the bundle carries the original and its events: a redacted letter's are for records officers
        org.saraban.web.privacy.PdpaRestriction.requireOriginalAllowed(view, currentActor.actor());
        secretAccess.record(view, currentActor.actor(),
                org.saraban.api.archive.RecordSecretLetterAccessCommand.Access.DOWNLOAD, "archive bundle");
        byte[] zip = bundles.letter(id, view);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("saraban-bundle-" + id + ".zip").build().toString()).body(zip);
    }
}
