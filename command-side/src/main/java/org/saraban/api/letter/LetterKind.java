package org.saraban.api.letter;

/** The regulation's kinds of letters (ระเบียบสารบรรณ ข้อ ๑๐) flattened to their sub-types. */
public enum LetterKind {
    /** หนังสือภายนอก, form 1. */
    EXTERNAL("หนังสือภายนอก"),
    /** หนังสือภายใน (บันทึกข้อความ), form 2. */
    INTERNAL("หนังสือภายใน"),
    /** หนังสือประทับตรา, form 3. */
    STAMPED("หนังสือประทับตรา"),
    /** คำสั่ง, form 4. */
    ORDER("คำสั่ง"),
    REGULATION("ระเบียบ"),
    BYLAW("ข้อบังคับ"),
    ANNOUNCEMENT("ประกาศ"),
    STATEMENT("แถลงการณ์"),
    NEWS("ข่าว"),
    CERTIFICATE("หนังสือรับรอง"),
    MINUTES("รายงานการประชุม"),
    MEMO("บันทึก");

    private final String thai;

    LetterKind(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }

    /** Kinds that go to named addressees and so need at least one. */
    public boolean addressed() {
        return this == EXTERNAL || this == INTERNAL || this == STAMPED || this == MEMO;
    }

    /** The register book that issues this kind's number at dispatch, or null for kinds without one. */
    public RegisterBookType book(boolean circular) {
        return switch (this) {
            case EXTERNAL, INTERNAL, STAMPED, CERTIFICATE -> circular ? RegisterBookType.CIRCULAR : RegisterBookType.SENT;
            case ORDER -> RegisterBookType.ORDER;
            case REGULATION, BYLAW, ANNOUNCEMENT, STATEMENT, NEWS -> RegisterBookType.ANNOUNCEMENT;
            case MINUTES, MEMO -> null;
        };
    }
}
