package org.saraban.signing.render;

/**
 * The registers an agency keeps (DOMAIN.md §1.6, §1.7): the receiving register (form 13), the
 * sending register (form 14) and the circular, order and announcement books kept the same way. Same
 * names as the published language's {@code RegisterBookType}, so the web layer maps by name.
 */
public enum RegisterBook {
    RECEIVED("ทะเบียนหนังสือรับ", "เลขทะเบียนรับ"),
    SENT("ทะเบียนหนังสือส่ง", "เลขทะเบียนส่ง"),
    CIRCULAR("ทะเบียนหนังสือเวียน", "เลขทะเบียนส่ง"),
    ORDER("ทะเบียนคำสั่ง", "เลขทะเบียน"),
    ANNOUNCEMENT("ทะเบียนประกาศ", "เลขทะเบียน");

    private final String title;
    private final String numberHeading;

    RegisterBook(String title, String numberHeading) {
        this.title = title;
        this.numberHeading = numberHeading;
    }

    public String title() {
        return title;
    }

    /** Heading of the first column. */
    public String numberHeading() {
        return numberHeading;
    }
}
