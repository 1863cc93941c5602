package org.saraban.web.register;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.NotFoundException;
import org.saraban.api.common.ThaiText;
import org.saraban.api.letter.RegisterBookType;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.letter.LetterQueries;
import org.saraban.signing.render.RegisterBook;
import org.saraban.signing.render.RegisterForm;
import org.saraban.signing.render.RegisterRenderer;
import org.saraban.signing.render.RegisterRow;
import org.saraban.web.security.CurrentActor;
import org.saraban.web.support.UnsupportedMediaException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registers (ทะเบียนหนังสือรับ / ส่ง / เวียน / คำสั่ง / ประกาศ) with the regulation's columns. */
@RestController
@Tag(name = "registers")
public class RegisterController {

    private final LetterQueries queries;
    private final CurrentActor currentActor;
    private final RegisterRenderer registers;
    private final Directory directory;

    private final org.saraban.web.archive.LetterAsOf letterAsOf;
    private final org.saraban.web.integrity.ArchiveBundles bundles;
    private final org.saraban.web.letter.SecretAccess secretAccess;

    public RegisterController(LetterQueries queries, CurrentActor currentActor, RegisterRenderer registers,
                              Directory directory, org.saraban.web.archive.LetterAsOf letterAsOf,
                              org.saraban.web.integrity.ArchiveBundles bundles,
                              org.saraban.web.letter.SecretAccess secretAccess) {
        this.letterAsOf = letterAsOf;
        this.bundles = bundles;
        this.secretAccess = secretAccess;
        this.queries = queries;
        this.currentActor = currentActor;
        this.registers = registers;
        this.directory = directory;
    }

    /** A row in the printed form: the received book's เลขรับ, or the running number, with the day it was entered. */
    private static RegisterRow pdfRow(Document r) {
        String n = r.getString("receivingNumber") != null ? r.getString("receivingNumber") : r.getString("registerNumberThai");
        String remark = r.getBoolean("voided", false)
                ? ("ยกเลิก" + (r.getString("remark") == null ? "" : " " + r.getString("remark"))) : r.getString("remark");
        return new RegisterRow(n, r.getString("registeredAtThai"), r.getString("number"), r.getString("dateThai"),
                r.getString("from"), r.getString("to"), r.getString("subject"), r.getString("action"), remark);
    }

    private static RegisterBookType book(String path) {
        RegisterBookType type = RegisterBookType.fromPath(path);
        if (type == null) {
            throw new NotFoundException("REGISTER_NOT_FOUND", "no such register book");
        }
        return type;
    }

    private static int year(String yearBE) {
        try {
            return Integer.parseInt(ThaiText.arabicDigits(yearBE));
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException("INVALID_YEAR", List.of(new FieldError("yearBE", "a Buddhist-Era year, e.g. 2569")));
        }
    }

    /**
     * The archive bundle of a register book and year (issue 6, item 6): its rows, and every letter on it that the
     * caller may see, with their PDFs and events chained to a signed checkpoint; checked offline by BundleVerifier.
     */
    @GetMapping(path = "/api/registers/{agencyCode}/{book}/{yearBE}/bundle", produces = "application/zip")
    @Operation(summary = "The register book's archive bundle: rows, letters, PDFs, events, chain, sealed manifest")
    public ResponseEntity<byte[]> bundle(@PathVariable String agencyCode, @PathVariable String book,
                                         @PathVariable String yearBE) throws java.io.IOException {
        RegisterBookType type = book(book);
        int year = year(yearBE);
        var actor = currentActor.actor();
        List<Document> rows = queries.register(actor, agencyCode, type, year)
                .orElseThrow(() -> new NotFoundException("REGISTER_NOT_FOUND", "not found"));
        List<Document> views = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Document r : rows) {
            String letterId = r.getString("letterId");
            if (letterId != null && seen.add(letterId)) {
                queries.find(letterId, actor).ifPresent(v -> {
                    org.saraban.web.privacy.PdpaRestriction.requireOriginalAllowed(v, actor);
                    secretAccess.record(v, actor, org.saraban.api.archive.RecordSecretLetterAccessCommand.Access.DOWNLOAD,
                            "register bundle");
                    views.add(v);
                });
            }
        }
        if (views.isEmpty()) {
            throw new NotFoundException("REGISTER_EMPTY", "no letter of this register to bundle");
        }
        String name = agencyCode + "-" + type.path() + "-" + year;
        byte[] zip = bundles.register(name, rows, RegisterCsv.write(type, rows), views);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"saraban-bundle-"
                + type.path() + "-" + year + ".zip\"").body(zip);
    }

    @GetMapping(path = "/api/registers/{agencyCode}/{book}/{yearBE}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "A register book of one Buddhist year; ?format=csv for a spreadsheet, ?format=pdf for the printed form")
    public ResponseEntity<?> register(@PathVariable String agencyCode, @PathVariable String book,
                                      @PathVariable String yearBE,
                                      @RequestParam(defaultValue = "json") String format,
                                      @RequestParam(required = false) String asOf) {
        RegisterBookType type = book(book);
        int year = year(yearBE);
        // ?asOf=: the book as it stood then, recomputed from the events (issue 6, item 5)
        List<Document> rows = (asOf == null ? queries.register(currentActor.actor(), agencyCode, type, year)
                : letterAsOf.register(currentActor.actor(), agencyCode, type, year,
                        org.saraban.web.letter.LetterController.instantOf(asOf)))
                .orElseThrow(() -> new NotFoundException("REGISTER_NOT_FOUND", "not found"));
        switch (format) {
            case "json" -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("agencyCode", agencyCode);
                body.put("book", type.path());
                body.put("bookThai", type.thai());
                body.put("yearBE", year);
                body.put("yearBEThai", ThaiText.thaiDigits(year));
                body.put("rows", rows);
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
            }
            case "csv" -> {
                String file = type.path() + "-" + year + ".csv";
                return ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(agencyCode + "-" + file, StandardCharsets.UTF_8).replace("+", "%20"))
                        .body(RegisterCsv.write(type, rows));
            }
            case "pdf" -> {
                String agencyName = directory.agency(agencyCode).map(Agency::name).orElse(agencyCode);
                byte[] pdf = registers.render(new RegisterForm(RegisterBook.valueOf(type.name()), agencyName, year,
                        rows.stream().map(RegisterController::pdfRow).toList())).pdf();
                String file = type.path() + "-" + year + ".pdf";
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(agencyCode + "-" + file, StandardCharsets.UTF_8).replace("+", "%20"))
                        .body(pdf);
            }
            default -> throw new UnsupportedMediaException("format", "format must be json, csv or pdf");
        }
    }
}
