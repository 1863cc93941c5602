package org.saraban.api.letter;

import java.time.Instant;

import org.saraban.api.common.PersonRef;

/**
 * Re-timestamps a filed letter's PDF of record: fresh validation data and a new document timestamp over the whole
 * file, before the last timestamp's certificate expires. Sent by the archive's scheduled job (or a records
 * officer through it); {@code by} says who.
 */
public record RetimestampLetterCommand(String letterId, PersonRef by, Instant at) {
}
