package org.saraban.api.meeting;

import org.saraban.api.common.SarabanException;

/** A meeting rule refused the command; {@link #code()} names which (e.g. QUORUM_NOT_MET). */
public class MeetingException extends SarabanException {

    public MeetingException(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static MeetingException conflict(String code, String message) {
        return new MeetingException(code, Kind.CONFLICT, message);
    }

    public static MeetingException forbidden(String code, String message) {
        return new MeetingException(code, Kind.FORBIDDEN, message);
    }

    public static MeetingException notFound(String id) {
        return new MeetingException("MEETING_NOT_FOUND", Kind.NOT_FOUND, "no meeting or committee " + id);
    }
}
