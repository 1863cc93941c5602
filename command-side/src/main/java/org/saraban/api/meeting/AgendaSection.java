package org.saraban.api.meeting;

/** The six sections of a Thai agenda (ระเบียบวาระที่ ๑–๖, DOMAIN.md §4.2). */
public enum AgendaSection {
    CHAIR_REPORTS(1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
    PREVIOUS_MINUTES(2, "รับรองรายงานการประชุม"),
    CARRIED_OVER(3, "เรื่องสืบเนื่อง"),
    FOR_INFORMATION(4, "เรื่องเสนอเพื่อทราบ"),
    FOR_CONSIDERATION(5, "เรื่องเสนอเพื่อพิจารณา"),
    OTHER(6, "เรื่องอื่น ๆ");

    private final int number;
    private final String thai;

    AgendaSection(int number, String thai) {
        this.number = number;
        this.thai = thai;
    }

    public int number() {
        return number;
    }

    public String thai() {
        return thai;
    }

    /** The section numbered 1..6, or null. */
    public static AgendaSection of(int number) {
        for (AgendaSection s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return null;
    }
}
