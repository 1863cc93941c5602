package org.saraban.web.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.PersonRef;
import org.saraban.api.common.Role;
import org.saraban.api.letter.Enclosure;
import org.saraban.api.letter.LetterContent;
import org.saraban.api.letter.LetterRules;
import org.saraban.api.letter.Recipient;
import org.saraban.command.store.BlobStore;
import org.saraban.query.directory.Agency;
import org.saraban.query.directory.Directory;
import org.saraban.query.directory.Person;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link LetterRequest} into {@link LetterContent}: resolves people, agencies and uploaded files
 * against the directory and the blob store, and reports every bad field at once.
 */
@Component
public class LetterRequests {

    private final Directory directory;
    private final BlobStore blobs;

    public LetterRequests(Directory directory, BlobStore blobs) {
        this.directory = directory;
        this.blobs = blobs;
    }

    public LetterContent content(LetterRequest r, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        PersonRef signatory = null;
        if (r.signatory() != null && !r.signatory().isBlank()) {
            Optional<Person> p = directory.person(r.signatory());
            if (p.isEmpty() || !p.get().agencyCode().equals(actor.agencyCode())) {
                errors.add(new FieldError("signatory", "not a person of your agency"));
            } else if (!p.get().roles().contains(Role.SIGNER)) {
                errors.add(new FieldError("signatory", "is not a signer (ผู้ลงนาม)"));
            } else {
                signatory = p.get().ref();
            }
        }
        List<Recipient> to = recipients("to", r.to(), errors);
        List<Recipient> copiesTo = recipients("copiesTo", r.copiesTo(), errors);
        List<Enclosure> enclosures = new ArrayList<>();
        List<LetterRequest.EnclosureDto> in = r.enclosures() == null ? List.of() : r.enclosures();
        for (int i = 0; i < in.size(); i++) {
            LetterRequest.EnclosureDto e = in.get(i);
            if (e == null) {
                errors.add(new FieldError("enclosures[" + i + "]", "must not be null"));
                continue;
            }
            if (e.sha256() == null || e.sha256().isBlank()) {
                enclosures.add(new Enclosure(e.title(), null, null, null, null));
                continue;
            }
            Optional<BlobStore.Blob> blob = e.sha256().matches("[0-9a-f]{64}") ? blobs.find(e.sha256()) : Optional.empty();
            if (blob.isEmpty()) {
                errors.add(new FieldError("enclosures[" + i + "].sha256", "no uploaded file has this SHA-256"));
            } else {
                BlobStore.Blob b = blob.get();
                enclosures.add(new Enclosure(e.title(), b.sha256(), b.fileName(), b.contentType(), b.size()));
            }
        }
        LetterContent content = new LetterContent(r.kind(), Boolean.TRUE.equals(r.circular()), r.urgency(),
                r.deliverBy() == null ? null : r.deliverBy().toInstant(), r.secrecy(), trim(r.subject()),
                trim(r.salutation()), to, r.references(), enclosures, r.body(), trim(r.closing()), signatory,
                r.ownerUnit(), copiesTo, r.stampedPurpose());
        if (r.signatory() == null || r.signatory().isBlank() || signatory != null) {
            errors.addAll(LetterRules.check(content));
        } else {
            LetterRules.check(content).stream().filter(f -> !f.field().equals("signatory")).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException("LETTER_FIELDS_INVALID", errors);
        }
        return content;
    }

    private List<Recipient> recipients(String field, List<LetterRequest.RecipientDto> in, List<FieldError> errors) {
        List<Recipient> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            LetterRequest.RecipientDto d = in.get(i);
            String at = field + "[" + i + "]";
            if (d == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            String position = trim(d.position());
            String name = trim(d.name());
            if (d.agencyCode() != null && !d.agencyCode().isBlank()) {
                Optional<Agency> agency = directory.agency(d.agencyCode().trim());
                if (agency.isEmpty()) {
                    errors.add(new FieldError(at + ".agencyCode", "unknown agency code"));
                    continue;
                }
                if (d.unitCode() != null && agency.get().unit(d.unitCode()) == null) {
                    errors.add(new FieldError(at + ".unitCode", "no such unit in " + agency.get().code()));
                    continue;
                }
                if (d.personId() != null) {
                    Optional<Person> p = directory.person(d.personId());
                    if (p.isEmpty() || !agency.get().code().equals(p.get().agencyCode())) {
                        errors.add(new FieldError(at + ".personId", "no such person in " + agency.get().code()));
                        continue;
                    }
                    position = position == null ? p.get().position() : position;
                    name = name == null ? p.get().displayName() : name;
                }
                if (name == null && position == null) {
                    name = agency.get().name();
                }
                out.add(new Recipient(agency.get().code(), d.unitCode(), d.personId(), position, name));
            } else {
                out.add(new Recipient(null, null, null, position, name));
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
