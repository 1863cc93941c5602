package org.saraban.api.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.saraban.api.common.PersonRef;


/** One เกษียน in the chain: who annotated, what they ordered, to which unit or person, by when. */
@Revision("1")
public record LetterRoutedEvent(String letterId, String routeId, PersonRef by, String toUnitCode,
                                String toUnitName, PersonRef toPerson, String instruction, LocalDate dueDate,
                                Instant at) {
}
