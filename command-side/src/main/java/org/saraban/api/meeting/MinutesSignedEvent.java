package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * A PAdES signature was added to the minutes' PDF: the new revision is {@code pdfSha256}.
 */
@Revision("1")
public record MinutesSignedEvent(String meetingId, CommitteeRole role, PersonRef signer, String pdfSha256, Instant at) {
}
