package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** The content with SHA-256 {@code contentHash} was approved; signing must match it. */
@Revision("1")
public record LetterApprovedEvent(String letterId, PersonRef by, String comment, String contentHash, Instant at) {
}
