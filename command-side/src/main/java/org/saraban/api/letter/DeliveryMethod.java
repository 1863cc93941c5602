package org.saraban.api.letter;

/** How a letter reached one recipient. */
public enum DeliveryMethod {
    /** Through Saraban into the recipient agency's inbox. */
    ELECTRONIC,
    /**
     * By hand, post or courier, recorded only: the recipient is outside the system, or the letter is
     * ลับที่สุด, which may not travel electronically (ระเบียบสารบรรณ ฉบับที่ ๔ ข้อ ๒๙).
     */
    OUT_OF_BAND
}
