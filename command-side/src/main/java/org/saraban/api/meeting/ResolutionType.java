package org.saraban.api.meeting;

/** The resolution (มติ) of an agenda item, in the formulas of DOMAIN.md §4.3. */
public enum ResolutionType {
    ACKNOWLEDGED("ที่ประชุมรับทราบ"),
    ENDORSED("ที่ประชุมพิจารณาแล้วมีมติเห็นชอบ"),
    APPROVED("ที่ประชุมพิจารณาแล้วมีมติอนุมัติ"),
    ASSIGNED("ที่ประชุมมอบหมาย"),
    REJECTED("ที่ประชุมพิจารณาแล้วมีมติไม่เห็นชอบ"),
    OTHER("ที่ประชุมมีมติ");

    private final String thai;

    ResolutionType(String thai) {
        this.thai = thai;
    }

    /** How the minutes open the resolution. */
    public String thai() {
        return thai;
    }
}
