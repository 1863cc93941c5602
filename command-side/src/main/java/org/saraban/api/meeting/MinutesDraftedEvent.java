package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The minutes drafted from the session's events when the chair closed it, in the regulation's form (DOMAIN.md §4.1): revision 1.
 */
@Revision("1")
public record MinutesDraftedEvent(String meetingId, String text, Instant at) {
}
