package org.saraban.web.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.saraban.api.archive.FilePlanCommands;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.PermissionDeniedException;
import org.saraban.api.common.Role;
import org.saraban.api.common.ThaiText;
import org.saraban.query.archive.Records;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.web.config.SarabanProperties;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.CommandSender;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Filing (issue 6, item 1; ระเบียบงานสารบรรณ ข้อ ๕๒–๕๗): the agency's file plan, its storage register and the
 * lists of letters its units sent for storage (แบบที่ ๑๙). Read by the agency's records officers and clerks; the
 * plan is kept by its records officers.
 */
@RestController
@RequestMapping(path = "/api/archive", produces = MediaType.APPLICATION_JSON_VALUE)
public class RecordsController {

    private final CommandSender commands;
    private final Records records;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final SarabanProperties props;
    private final Clock clock;

    public RecordsController(CommandSender commands, Records records, Directory directory, CurrentActor currentActor,
                             SarabanProperties props, Clock clock) {
        this.commands = commands;
        this.records = records;
        this.directory = directory;
        this.currentActor = currentActor;
        this.props = props;
        this.clock = clock;
    }

    @GetMapping("/file-plan")
    @Operation(summary = "The agency's file plan: codes, titles and retention classes (?retired=true for all)")
    public List<Document> filePlan(@RequestParam(defaultValue = "false") boolean retired) {
        Actor actor = currentActor.actor();
        if (actor.agencyCode() == null) {
            throw new NotFoundException("FILE_PLAN_NOT_FOUND", "not found");
        }
        return records.filePlan(actor.agencyCode(), retired);
    }

    public record CodeRequest(String code, String title, Integer retentionYears, Boolean permanent) {
    }

    @PostMapping(path = "/file-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define or change a file code {code, title, retentionYears | permanent}")
    public List<Document> define(@RequestBody CodeRequest body) {
        Actor actor = currentActor.actor();
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.code() == null || body.code().isBlank() || body.code().strip().length() > 30) {
            errors.add(new FieldError("code", "a file code of 1 to 30 characters"));
        }
        if (body == null || body.title() == null || body.title().isBlank()) {
            errors.add(new FieldError("title", "the title of the file"));
        }
        boolean permanent = body != null && Boolean.TRUE.equals(body.permanent());
        Integer years = body == null ? null : body.retentionYears();
        if (permanent && years != null) {
            errors.add(new FieldError("retentionYears", "give retentionYears or permanent, not both"));
        } else if (!permanent && (years == null || years < 1 || years > 100)) {
            errors.add(new FieldError("retentionYears", "1 to 100 years, or permanent: true (ห้ามทำลาย)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("FILE_CODE_INVALID", errors);
        }
        send(actor, body.code(), new FilePlanCommands.DefineCode(FilePlanCommands.planId(actor.agencyCode()), actor,
                body.code(), body.title(), permanent ? null : years, permanent, clock.instant()));
        return records.filePlan(actor.agencyCode(), true);
    }

    public record RetireRequest(String code) {
    }

    @PostMapping(path = "/file-plan/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire a file code {code}: nothing more is filed under it")
    public List<Document> retire(@RequestBody RetireRequest body) {
        Actor actor = currentActor.actor();
        if (body == null || body.code() == null || body.code().isBlank()) {
            throw new InvalidFieldsException("FILE_CODE_INVALID", List.of(new FieldError("code", "required")));
        }
        send(actor, body.code(), new FilePlanCommands.RetireCode(FilePlanCommands.planId(actor.agencyCode()), actor,
                body.code(), clock.instant()));
        return records.filePlan(actor.agencyCode(), true);
    }

    @GetMapping("/storage-register")
    @Operation(summary = "The storage register (ทะเบียนหนังสือเก็บ) of BE year {year}: every letter filed that year")
    public Map<String, Object> storageRegister(@RequestParam int year) {
        Actor actor = reader();
        return Map.of("agencyCode", actor.agencyCode(), "agencyName", agencyName(actor), "yearBE", year,
                "yearThai", ThaiText.thaiDigits(year), "rows", records.storageRegister(actor.agencyCode(), year));
    }

    @GetMapping("/storage-lists")
    @Operation(summary = "The list of letters sent for storage (บัญชีหนังสือส่งเก็บ, แบบที่ ๑๙) by unit {unit} in BE year {year}")
    public Map<String, Object> sentForStorage(@RequestParam int year, @RequestParam String unit) {
        Actor actor = reader();
        Agency agency = directory.agency(actor.agencyCode()).orElse(null);
        Agency.Unit u = agency == null ? null : agency.unit(unit);
        if (u == null) {
            throw new InvalidFieldsException("UNIT_UNKNOWN", List.of(new FieldError("unit", "not a unit of this agency")));
        }
        return Map.of("agencyCode", actor.agencyCode(), "agencyName", agency.name(), "unitCode", unit,
                "unitName", u.name(), "yearBE", year, "yearThai", ThaiText.thaiDigits(year),
                "rows", records.sentForStorage(actor.agencyCode(), unit, year));
    }

    private Actor reader() {
        Actor actor = currentActor.actor();
        if (actor.agencyCode() == null || !actor.hasAnyRole(Role.RECORDS_OFFICER, Role.CLERK)) {
            throw new PermissionDeniedException("NOT_A_RECORDS_OFFICER", "records officers and clerks only");
        }
        return actor;
    }

    private String agencyName(Actor actor) {
        return directory.agency(actor.agencyCode()).map(Agency::name).orElse(actor.agencyCode());
    }

    private void send(Actor actor, String code, Object command) {
        commands.send(command).awaitView(FilePlanCommands.planId(actor.agencyCode()),
                p -> records.awaitCode(actor.agencyCode(), code, p, props.readYourWritesTimeout()));
    }
}
