package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/**
 * The minutes at {@code revision} were certified: their text is frozen (its SHA-256 is {@code textSha256}) and
 * rendered as the PDF of record {@code pdfSha256}, which prints {@code agencyName}.
 */
@Revision("1")
public record MinutesCertifiedEvent(String meetingId, int revision, String textSha256, MinutesCertification method,
                                    String certifyingMeetingId, String certifyingMeetingNumber, String itemId,
                                    String agencyName, String pdfSha256, PersonRef by, Instant at) {
}
