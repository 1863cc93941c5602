package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.saraban.api.common.Actor;
import org.saraban.api.common.PersonRef;

/** The delivery policy reports that a recipient agency's copy is in its inbox. */
public record RecordDeliveryCommand(@TargetAggregateIdentifier String letterId, String recipientAgencyCode,
                                    String copyId, Instant at) {
}
