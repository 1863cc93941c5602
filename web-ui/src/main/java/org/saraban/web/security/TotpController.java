package org.saraban.web.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.saraban.api.common.FieldError;
import org.saraban.api.common.InvalidFieldsException;
import org.saraban.query.directory.Person;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Enrolment in one-time passwords (TOTP), the second way to verify identity before joining a meeting. */
@RestController
@Tag(name = "identity", description = "การยืนยันตัวตน: one-time passwords for joining meetings")
public class TotpController {

    private final TotpAuthenticator totp;
    private final CurrentActor currentActor;
    private final Clock clock;

    public TotpController(TotpAuthenticator totp, CurrentActor currentActor, Clock clock) {
        this.totp = totp;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping(path = "/api/me/totp", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start TOTP enrolment: a new secret and its otpauth URI for an authenticator app")
    public TotpAuthenticator.Enrolment enrol() {
        Person me = currentActor.person();
        return totp.enrol(me.id(), me.username(), "Saraban");
    }

    public record ConfirmRequest(String code) {
    }

    @PostMapping(path = "/api/me/totp/confirm", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm TOTP enrolment with a first code {code}")
    public Map<String, Object> confirm(@RequestBody(required = false) ConfirmRequest body) {
        Person me = currentActor.person();
        if (body == null || !totp.confirm(me.id(), body.code(), clock.instant())) {
            throw new InvalidFieldsException("TOTP_INVALID", List.of(new FieldError("code",
                    "not the current six-digit code of the secret just enrolled")));
        }
        return Map.of("totpEnabled", true);
    }
}
