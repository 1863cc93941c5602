package org.saraban.api.meeting;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The session moved to an item; the quorum for it, recused members not counted, as it stood then. */
@Revision("1")
public record AgendaItemStartedEvent(String meetingId, String itemId, int present, int eligible, int required, boolean quorumMet,
                                     List<String> recused, PersonRef by, Instant at) {
}
