package org.saraban.api.archive;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

@Revision("1")
public record SecretLetterAccessedEvent(String accessLogId, String letterId, String agencyCode, PersonRef person,
                                        RecordSecretLetterAccessCommand.Access what, String detail, Instant at) {
}
