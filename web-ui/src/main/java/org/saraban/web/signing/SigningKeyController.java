package org.saraban.web.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saraban.api.common.Actor;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.api.common.ThaiText;
import org.saraban.signing.pki.Pkcs12Keys;
import org.saraban.signing.pki.PersonalSigners;
import org.saraban.signing.pki.PkiException;
import org.saraban.signing.pki.SigningCredential;
import org.saraban.web.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A person brings their own signing key: a PKCS#12 file (e.g. from a certification authority) that signs
 * their letters from now on instead of the key the in-process CA issued them. The key is kept as PKCS#12
 * under the storage password, like the issued ones; the file's own password is not kept.
 */
@RestController
@Tag(name = "signing")
public class SigningKeyController {

    private final CurrentActor currentActor;
    private final PersonalSigners people;

    public SigningKeyController(CurrentActor currentActor, PersonalSigners people) {
        this.currentActor = currentActor;
        this.people = people;
    }

    @PostMapping(path = "/api/me/signing-key", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import the caller's own signing key and certificate from a PKCS#12 file "
            + "(multipart: file, password, alias when the file holds several keys)")
    public Map<String, Object> importKey(@RequestPart(value = "file", required = false) MultipartFile file,
                                         @RequestParam(value = "password", required = false) String password,
                                         @RequestParam(value = "alias", required = false) String alias)
            throws IOException {
        Actor actor = currentActor.actor();
        if (file == null || file.isEmpty()) {
            throw invalid("file", "required: a PKCS#12 (.p12 / .pfx) file");
        }
        if (password == null) {
            throw invalid("password", "required");
        }
        byte[] pkcs12 = file.getBytes();
        char[] secret = password.toCharArray();
        try {
            String chosen = alias;
            if (chosen == null || chosen.isBlank()) {
                List<String> aliases = Pkcs12Keys.keyAliases(pkcs12, secret);
                if (aliases.size() != 1) {
                    throw invalid("alias", aliases.isEmpty() ? "the file holds no private key"
                            : "choose one of " + aliases);
                }
                chosen = aliases.get(0);
            }
            SigningCredential credential = people.importPkcs12(actor.personId(), pkcs12, secret, chosen);
            X509Certificate certificate = credential.certificate();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alias", chosen);
            out.put("subject", certificate.getSubjectX500Principal().getName());
            out.put("issuer", certificate.getIssuerX500Principal().getName());
            out.put("serialNumber", certificate.getSerialNumber().toString(16));
            putTime(out, "notBefore", certificate.getNotBefore().toInstant());
            putTime(out, "notAfter", certificate.getNotAfter().toInstant());
            return out;
        } catch (PkiException e) {
            throw switch (e.code()) {
                case KEYSTORE_UNREADABLE -> invalid("password", "wrong password, or the file is not PKCS#12");
                case KEY_ENTRY_NOT_FOUND, KEY_ENTRY_AMBIGUOUS -> invalid("alias", e.getMessage());
                case KEY_USAGE_NOT_FOR_SIGNING, UNSUPPORTED_KEY -> invalid("file", e.getMessage());
                default -> e;
            };
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    private static void putTime(Map<String, Object> out, String name, Instant at) {
        out.put(name, at.toString());
        out.put(name + "Thai", ThaiText.dateTime(at));
    }

    private static InvalidFieldsException invalid(String field, String reason) {
        return new InvalidFieldsException("SIGNING_KEY_INVALID", List.of(new FieldError(field, reason)));
    }
}
