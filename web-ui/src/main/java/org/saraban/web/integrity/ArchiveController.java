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
import org.springframework.web.bind.annotation.RestController;

/** A letter's archive bundle, for anyone who may see the letter (404 for anyone else, as for the letter). */
@RestController
public class ArchiveController {

    private final ArchiveBundles bundles;
    private final LetterQueries letters;
    private final CurrentActor currentActor;

    public ArchiveController(ArchiveBundles bundles, LetterQueries letters, CurrentActor currentActor) {
        this.bundles = bundles;
        this.letters = letters;
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/letters/{id}/bundle", produces = "application/zip")
    @Operation(summary = "The letter's archive bundle: PDF of record, events, hash chain to a signed checkpoint, "
            + "sealed manifest; verified offline by BundleVerifier")
    public ResponseEntity<byte[]> bundle(@PathVariable String id) throws IOException {
        Document view = letters.find(id, currentActor.actor())
                .orElseThrow(() -> new NotFoundException("LETTER_NOT_FOUND", "not found"));
        byte[] zip = bundles.letter(id, view);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("saraban-bundle-" + id + ".zip").build().toString()).body(zip);
    }
}
