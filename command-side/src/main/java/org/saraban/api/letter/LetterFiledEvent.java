package org.saraban.api.letter;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;

/** เก็บ: filed under {@code fileCode}; kept until the end of BE year {@code keepUntilYearBE} unless permanent. */
@Revision("1")
public record LetterFiledEvent(String letterId, PersonRef by, String fileCode, Integer retentionYears,
                               boolean permanent, Integer keepUntilYearBE, Instant at) {
}
