package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** A letter from outside Saraban was registered from its scan (kept as is, by its SHA-256). */
@Revision("1")
public record PaperLetterImportedEvent(String copyId, String agencyCode, PersonRef by, ImportedLetter letter,
                                       String scanSha256, Instant at) {
}
