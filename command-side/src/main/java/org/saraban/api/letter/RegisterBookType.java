package org.saraban.api.letter;

import java.util.Locale;

/** The registers (ทะเบียน) an agency keeps; each runs from 1 every calendar year (DOMAIN.md §1.5). */
public enum RegisterBookType {
    /** ทะเบียนหนังสือรับ: เลขรับ. */
    RECEIVED("ทะเบียนหนังสือรับ"),
    /** ทะเบียนหนังสือส่ง: the ที่ of outgoing letters. */
    SENT("ทะเบียนหนังสือส่ง"),
    /** ทะเบียนหนังสือเวียน: the ว series. */
    CIRCULAR("ทะเบียนหนังสือเวียน"),
    /** ทะเบียนคำสั่ง: N/พ.ศ. */
    ORDER("ทะเบียนคำสั่ง"),
    /** ทะเบียนประกาศ: announcements, regulations, by-laws, statements, news. */
    ANNOUNCEMENT("ทะเบียนประกาศ");

    private final String thai;

    RegisterBookType(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }

    /** The path segment used by the API ({@code received}, {@code sent}, ...). */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegisterBookType fromPath(String path) {
        for (RegisterBookType t : values()) {
            if (t.path().equals(path)) {
                return t;
            }
        }
        return null;
    }
}
