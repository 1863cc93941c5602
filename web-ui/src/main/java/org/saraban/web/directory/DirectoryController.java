package org.saraban.web.directory;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;
import org.saraban.api.letter.LetterKind;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, the agencies, and the people to address, route to or ask to approve and sign. */
@RestController
@Tag(name = "directory")
public class DirectoryController {

    private final Directory directory;
    private final CurrentActor currentActor;

    private final org.saraban.web.security.TotpAuthenticator totp;

    public DirectoryController(Directory directory, CurrentActor currentActor,
                               org.saraban.web.security.TotpAuthenticator totp) {
        this.directory = directory;
        this.currentActor = currentActor;
        this.totp = totp;
    }

    @GetMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The caller: name, position, agency, unit, roles")
    public Map<String, Object> me() {
        Person p = currentActor.person();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", p.id());
        me.put("username", p.username());
        me.put("displayName", p.displayName());
        me.put("position", p.position());
        me.put("agencyCode", p.agencyCode());
        Agency agency = directory.agency(p.agencyCode()).orElse(null);
        me.put("agencyName", agency == null ? null : agency.name());
        me.put("unitCode", p.unitCode());
        Agency.Unit unit = agency == null ? null : agency.unit(p.unitCode());
        me.put("unitName", unit == null ? null : unit.name());
        me.put("roles", p.roles().stream().map(Enum::name).sorted().toList());
        me.put("signatureRequired", agency == null ? List.of() : agency.signatureRequired());
        me.put("totpEnabled", totp.enabled(p.id()));
        return me;
    }

    /** The body of {@code PUT /api/agencies/{code}/signature-required}. */
    public record SignatureRequiredRequest(List<String> kinds) {
    }

    /**
     * The agency setting of ADR 0006: which letter kinds are signed digitally (PAdES) from now on. Letters
     * approved before keep the way they were approved. Administrators only.
     */
    @PutMapping(path = "/api/agencies/{code}/signature-required", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the letter kinds an agency signs digitally (administrators)")
    public Agency setSignatureRequired(@PathVariable String code, @RequestBody SignatureRequiredRequest body) {
        Person me = currentActor.person();
        if (!me.roles().contains(Role.ADMIN)) {
            throw new PermissionDeniedException("ROLE_REQUIRED", "only an administrator changes agency settings");
        }
        Agency agency = directory.agency(code).orElseThrow(() -> new InvalidFieldsException("AGENCY_UNKNOWN",
                List.of(new FieldError("code", "no agency with this code"))));
        List<String> kinds = body == null || body.kinds() == null ? null : body.kinds();
        if (kinds == null) {
            throw new InvalidFieldsException("KINDS_REQUIRED", List.of(new FieldError("kinds", "required")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            String k = kinds.get(i);
            if (k == null || Arrays.stream(LetterKind.values()).noneMatch(v -> v.name().equals(k))) {
                errors.add(new FieldError("kinds[" + i + "]", "must be one of " + Arrays.toString(LetterKind.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("KINDS_INVALID", errors);
        }
        Agency updated = agency.withSignatureRequired(kinds.stream().distinct().toList());
        directory.saveAgency(updated);
        return updated;
    }

    @GetMapping(path = "/api/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Agencies with their letter codes and units")
    public List<Agency> agencies() {
        currentActor.person();
        return directory.agencies();
    }

    @GetMapping(path = "/api/people", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "People of an agency (the caller's by default) matching q")
    public List<Map<String, Object>> people(@RequestParam(required = false) String agency,
                                            @RequestParam(required = false) String q) {
        Person me = currentActor.person();
        String code = agency == null || agency.isBlank() ? me.agencyCode() : agency;
        return directory.people(code, q).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("username", p.username());
            m.put("displayName", p.displayName());
            m.put("position", p.position());
            m.put("agencyCode", p.agencyCode());
            m.put("unitCode", p.unitCode());
            m.put("roles", p.roles().stream().map(Enum::name).sorted().toList());
            return m;
        }).toList();
    }
}
