package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/**
 * Certify the minutes: by circulation after its deadline, or by the resolution of a later meeting's item ๒
 * (which the web layer has checked: {@code certifyingMeetingId}, its number, {@code itemId}). {@code agencyName}
 * is the organising agency's, printed on the PDF.
 */
public record CertifyMinutesCommand(@TargetAggregateIdentifier String meetingId, Actor actor, MinutesCertification method,
                                    String certifyingMeetingId, String certifyingMeetingNumber, String itemId,
                                    String agencyName, Instant at) {
}
