package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The invitation letter moved on in the letter flow: {@code DISPATCHED} (with its ที่ number), {@code DELIVERED}
 * to an agency's inbox, or {@code RECEIVED} there (with the เลขรับ). {@code members} are the person ids of the
 * members of that agency the step concerns (every member with a person id, for a dispatch).
 */
@Revision("1")
public record InvitationLetterProgressedEvent(String meetingId, String letterId, Step step, String agencyCode,
                                              String number, List<String> members, Instant at) {

    public enum Step { DISPATCHED, DELIVERED, RECEIVED }
}
