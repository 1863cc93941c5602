package org.saraban.web.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event log's integrity (issue 6, item 4): its hash chain's head and the latest signed checkpoint, for
 * anyone signed in; a checkpoint on demand and the full walk of the chain, for records officers and
 * administrators.
 */
@RestController
@RequestMapping(path = "/api/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntegrityController {

    private static final Set<Role> KEEPERS = Set.of(Role.RECORDS_OFFICER, Role.ADMIN);

    private final IntegrityCheckpoints checkpoints;
    private final CurrentActor currentActor;

    public IntegrityController(IntegrityCheckpoints checkpoints, CurrentActor currentActor) {
        this.checkpoints = checkpoints;
        this.currentActor = currentActor;
    }

    @GetMapping
    @Operation(summary = "The hash chain's head (last position and hash) and the latest signed, timestamped checkpoint")
    public Map<String, Object> integrity() {
        currentActor.actor();
        IntegrityCheckpoints.Head head = checkpoints.head();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("head", Map.of("position", head.position(), "hash", head.hash()));
        out.put("checkpoint", checkpoints.latest().map(IntegrityController::summary).orElse(null));
        return out;
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign and timestamp the chain's head now (records officers, administrators)")
    public Map<String, Object> checkpoint() {
        requireKeeper();
        return checkpoints.checkpoint().map(IntegrityController::summary).orElse(null);
    }

    @PostMapping("/verify")
    @Operation(summary = "Walk the whole chain and check every checkpoint; names the first broken event")
    public IntegrityCheckpoints.Verification verify() {
        requireKeeper();
        return checkpoints.verify();
    }

    private void requireKeeper() {
        Actor actor = currentActor.actor();
        if (actor.roles().stream().noneMatch(KEEPERS::contains)) {
            throw new PermissionDeniedException("NOT_A_RECORDS_OFFICER", "records officers and administrators only");
        }
    }

    static Map<String, Object> summary(Document c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", c.get("_id"));
        out.put("hash", c.getString("hash"));
        out.put("at", c.getString("at"));
        out.put("atThai", ThaiText.dateTime(java.time.Instant.parse(c.getString("at"))));
        out.put("algorithm", c.getString("algorithm"));
        out.put("signature", c.getString("signature"));
        out.put("certificate", c.getString("certificate"));
        out.put("timestampToken", c.getString("timestampToken"));
        out.put("valid", IntegrityCheckpoints.problemOf(c) == null);
        return out;
    }
}
