package org.saraban.api.letter;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

@Revision("1")
public record SecretAccessGrantedEvent(String letterId, PersonRef grantee, String reason, PersonRef by, Instant at) {
}
