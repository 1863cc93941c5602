package org.saraban.api.letter;

/** ชั้นความเร็ว, with the exchange standard's codes (DOMAIN.md §1.4). */
public enum Urgency {
    NORMAL("ปกติ", "001"), URGENT("ด่วน", "002"), VERY_URGENT("ด่วนมาก", "003"), MOST_URGENT("ด่วนที่สุด", "004");

    private final String thai;
    private final String exchangeCode;

    Urgency(String thai, String exchangeCode) {
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
