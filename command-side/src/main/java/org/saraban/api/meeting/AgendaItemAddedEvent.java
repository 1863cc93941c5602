package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** An agenda item, numbered within its section (๕.๑, ๕.๒, …). */
@Revision("1")
public record AgendaItemAddedEvent(String meetingId, String itemId, AgendaSection section, String number, String title,
                                   String description, String presenter, List<MeetingDocument> documents,
                                   PersonRef by, Instant at) {
}
