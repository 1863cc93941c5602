package org.saraban.api.meeting;

/** The resolution (มติ) of an agenda item, in the formulas of DOMAIN.md §4.3. */
public enum ResolutionType {
    ACKNOWLEDGED("ที่ประชุมรับทราบ", "รับทราบ"),
    ENDORSED("ที่ประชุมพิจารณาแล้วมีมติเห็นชอบ", "เห็นชอบ"),
    APPROVED("ที่ประชุมพิจารณาแล้วมีมติอนุมัติ", "อนุมัติ"),
    ASSIGNED("ที่ประชุมมอบหมาย", "มอบหมาย"),
    REJECTED("ที่ประชุมพิจารณาแล้วมีมติไม่เห็นชอบ", "ไม่เห็นชอบ"),
    OTHER("ที่ประชุมมีมติ", "อื่น ๆ");

    private final String thai;
    private final String label;

    ResolutionType(String thai, String label) {
        this.thai = thai;
        this.label = label;
    }

    /** The one word after มติที่ประชุม when the resolution has no text of its own (รับทราบ, เห็นชอบ, …). */
    public String label() {
        return label;
    }

    /** How the minutes open the resolution. */
    public String thai() {
        return thai;
    }
}
