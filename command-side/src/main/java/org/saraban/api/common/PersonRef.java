package org.saraban.api.common;

/**
 * A person as a letter records them: the opaque id plus name and position as they were at the time,
 * because a register shows who acted then, not who holds the post today.
 */
public record PersonRef(String id, String displayName, String position, String agencyCode, String unitCode) {
}
