package org.saraban.api.letter;

/**
 * An addressee: an agency (by its letter code), optionally a unit or a person in it, and the
 * position or name as printed after เรียน. An addressee without an agency code is outside Saraban.
 */
public record Recipient(String agencyCode, String unitCode, String personId, String position, String name) {

    public boolean inSystem() {
        return agencyCode != null && !agencyCode.isBlank();
    }

    /** What the letter prints for this addressee. */
    public String label() {
        if (position != null && !position.isBlank()) {
            return position;
        }
        if (name != null && !name.isBlank()) {
            return name;
        }
        return agencyCode;
    }
}
