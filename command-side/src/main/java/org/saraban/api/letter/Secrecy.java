package org.saraban.api.letter;

/** ชั้นความลับ, with the exchange standard's codes (DOMAIN.md §2). */
public enum Secrecy {
    NONE("ปกติ", "001"), SECRET("ลับ", "002"), VERY_SECRET("ลับมาก", "003"), MOST_SECRET("ลับที่สุด", "004");

    private final String thai;
    private final String exchangeCode;

    Secrecy(String thai, String exchangeCode) {
        this.thai = thai;
        this.exchangeCode = exchangeCode;
    }

    public String thai() {
        return thai;
    }

    public String exchangeCode() {
        return exchangeCode;
    }
}
