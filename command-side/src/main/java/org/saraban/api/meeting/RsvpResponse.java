package org.saraban.api.meeting;

/** A member's answer to the invitation: attending, not attending (with the reason), or sending a delegate (แทน). */
public enum RsvpResponse {
    ATTENDING("เข้าร่วมประชุม"),
    NOT_ATTENDING("ไม่เข้าร่วมประชุม"),
    DELEGATE("มอบหมายผู้แทน");

    private final String thai;

    RsvpResponse(String thai) {
        this.thai = thai;
    }

    public String thai() {
        return thai;
    }
}
