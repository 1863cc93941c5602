package org.saraban.api.meeting;

/** A person's part in a committee (API.md: meeting roles are per committee). */
public enum CommitteeRole {
    CHAIR, SECRETARY, MEMBER,
    /** attends to explain (ผู้เข้าร่วมประชุม): neither counted for the quorum nor a voter */
    INVITEE;

    /** Counted for the quorum and entitled to vote. */
    public boolean voting() {
        return this != INVITEE;
    }
}
