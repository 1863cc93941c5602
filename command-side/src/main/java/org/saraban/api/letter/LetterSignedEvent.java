package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The signatory signed the approved content. {@code method} is TYPED_NAME until PAdES arrives;
 * {@code assurance} records how the signer's identity was verified for the session.
 */
@Revision("1")
public record LetterSignedEvent(String letterId, PersonRef signer, String method, String assurance,
                                String contentHash, Instant at) {
}
