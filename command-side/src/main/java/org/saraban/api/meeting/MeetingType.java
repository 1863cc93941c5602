package org.saraban.api.meeting;

/**
 * What a committee decides. The Emergency Decree on Electronic Meetings 2563 excludes parliament, court
 * deliberation and government procurement from meeting electronically (DOMAIN.md §3.1).
 */
public enum MeetingType {
    GENERAL, PROCUREMENT, COURT_DELIBERATION, PARLIAMENT;

    public boolean mayMeetOnline() {
        return this == GENERAL;
    }
}
