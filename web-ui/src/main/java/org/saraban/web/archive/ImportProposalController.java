package org.saraban.web.archive;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first step of registering a paper letter (issue 6, item 7): its scan's OCR text in, the proposed
 * metadata out, for the clerk to confirm or correct and then send with the scan to {@code POST /api/letters/import}.
 * Changes nothing.
 */
@RestController
public class ImportProposalController {

    static final int MAX_TEXT = 200_000;

    private final CurrentActor currentActor;

    public ImportProposalController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    public record ProposalRequest(String ocrText) {
    }

    @PostMapping(path = "/api/letters/import/proposal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a paper letter's metadata from its OCR text: ที่, date, sender, เรื่อง, เรียน, "
            + "อ้างถึง, enclosures, signatory, owner unit, urgency, receipt stamps, and the OCR mends made")
    public LegacyLetterReader.Proposal propose(@RequestBody(required = false) ProposalRequest body) {
        currentActor.actor();
        if (body == null || body.ocrText() == null || body.ocrText().isBlank()) {
            throw new InvalidFieldsException("OCR_TEXT_MISSING", List.of(new FieldError("ocrText",
                    "the text recognised from the scan is required")));
        }
        if (body.ocrText().length() > MAX_TEXT) {
            throw new InvalidFieldsException("OCR_TEXT_TOO_LONG", List.of(new FieldError("ocrText",
                    "at most " + MAX_TEXT + " characters")));
        }
        return LegacyLetterReader.read(body.ocrText());
    }
}
