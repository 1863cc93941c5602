package org.saraban.api.meeting;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.saraban.api.common.Actor;

/** A participant joins after the web layer verified their identity again ({@code method}: PASSWORD or TOTP); {@code address} and {@code client} are the traffic data the decree asks to keep. */
public record JoinMeetingCommand(@TargetAggregateIdentifier String meetingId, Actor actor, String method, String address,
                                 String client, Instant at) {
}
