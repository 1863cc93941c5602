package org.saraban.api.meeting;

/**
 * A member as the appointing order names them. {@code personId} is the directory's id of the person who
 * logs in to take part (null for someone outside Saraban, who is listed but cannot join online).
 *
 * @param committeePosition as printed in the minutes, e.g. ประธานกรรมการ, กรรมการและเลขานุการ
 */
public record CommitteeMember(String personId, String name, String position, String agencyCode,
                              String committeePosition, CommitteeRole role) {
}
