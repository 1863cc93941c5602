package org.saraban.api.meeting;

/** How the minutes were certified (DOMAIN.md §4.3): at the next meeting's item ๒, or by circulation with a deadline. */
public enum MinutesCertification {
    NEXT_MEETING("รับรองในการประชุมครั้งถัดไป"),
    CIRCULATION("รับรองโดยการแจ้งเวียน");

    private final String thai;

    MinutesCertification(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }
}
