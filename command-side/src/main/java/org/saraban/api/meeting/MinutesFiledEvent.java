package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The signed minutes were extended to PAdES-B-LTA ({@code pdfSha256}) and filed under {@code fileCode} with the
 * retention.
 */
@Revision("1")
public record MinutesFiledEvent(String meetingId, String fileCode, Integer retentionYears, boolean permanent,
                                String pdfSha256, Instant at) {
}
