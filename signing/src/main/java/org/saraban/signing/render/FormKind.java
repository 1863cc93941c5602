package org.saraban.signing.render;

/**
 * The regulation's kinds of letters (ระเบียบสารบรรณ ข้อ ๑๐, DOMAIN.md §1.2), each with the form it is
 * printed on. Same names as the published language's {@code LetterKind}, so the web layer maps by name.
 */
public enum FormKind {
    /** หนังสือภายนอก, form 1, on Garuda paper. */
    EXTERNAL("หนังสือภายนอก", EmblemPlacement.CENTRE),
    /** หนังสือภายใน on memo paper (บันทึกข้อความ, form 2): the small emblem top left (ข้อ ๗๑.๒). */
    INTERNAL("บันทึกข้อความ", EmblemPlacement.TOP_LEFT),
    /** หนังสือประทับตรา, form 3. */
    STAMPED("หนังสือประทับตรา", EmblemPlacement.CENTRE),
    /** คำสั่ง, form 4. */
    ORDER("คำสั่ง", EmblemPlacement.CENTRE),
    REGULATION("ระเบียบ", EmblemPlacement.CENTRE),
    BYLAW("ข้อบังคับ", EmblemPlacement.CENTRE),
    ANNOUNCEMENT("ประกาศ", EmblemPlacement.CENTRE),
    STATEMENT("แถลงการณ์", EmblemPlacement.CENTRE),
    NEWS("ข่าว", EmblemPlacement.CENTRE),
    CERTIFICATE("หนังสือรับรอง", EmblemPlacement.CENTRE),
    /** รายงานการประชุม: a record kept by officials, printed without an emblem (DOMAIN.md §4.1). */
    MINUTES("รายงานการประชุม", EmblemPlacement.NONE),
    /** บันทึก: an official's note, on memo paper like form 2. */
    MEMO("บันทึก", EmblemPlacement.TOP_LEFT);

    private final String title;
    private final EmblemPlacement emblem;

    FormKind(String title, EmblemPlacement emblem) {
        this.title = title;
        this.emblem = emblem;
    }

    /** The word the form is headed with (คำสั่ง, ระเบียบ, ประกาศ …). */
    public String title() {
        return title;
    }

    EmblemPlacement emblem() {
        return emblem;
    }

    /** Where the emblem stands: 3 cm at the top centre (ข้อ ๗๑.๑) or 1.5 cm top left (ข้อ ๗๑.๒). */
    enum EmblemPlacement {
        CENTRE(3.0f),
        TOP_LEFT(1.5f),
        NONE(0f);

        final float heightCm;

        EmblemPlacement(float heightCm) {
            this.heightCm = heightCm;
        }
    }
}
