package org.saraban.web.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saraban.query.letter.LetterQueries;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inbox and outbox of the caller's agency, filtered by what the caller may see. */
@RestController
@Tag(name = "letters")
public class InboxController {

    private final LetterQueries queries;
    private final CurrentActor currentActor;

    public InboxController(LetterQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Letters received by the caller's agency; unit= / person= narrow to addressees or routes; "
            + "unread=true to those the caller has not opened (each item's read)")
    public LetterQueries.Page inbox(@RequestParam(required = false) String status,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(required = false) String unit,
                                    @RequestParam(required = false) String person,
                                    @RequestParam(required = false) String urgency,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) Boolean unread,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return queries.inbox(currentActor.actor(),
                new LetterQueries.Filter(status, q, unit, person, urgency, kind, null, unread, page, size));
    }

    @GetMapping(path = "/api/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Letters of the caller's agency, drafts to dispatched; unacknowledged=true for pending receipts")
    public LetterQueries.Page outbox(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false) String unit,
                                     @RequestParam(required = false) String person,
                                     @RequestParam(required = false) String urgency,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) Boolean unacknowledged,
                                     @RequestParam(required = false) Boolean unread,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return queries.outbox(currentActor.actor(),
                new LetterQueries.Filter(status, q, unit, person, urgency, kind, unacknowledged, unread, page, size));
    }
}
