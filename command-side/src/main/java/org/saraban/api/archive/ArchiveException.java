package org.saraban.api.archive;

import org.saraban.api.common.SarabanException;

/** A rule of keeping or destroying records refused the command; {@link #code()} names which. */
public class ArchiveException extends SarabanException {

    public ArchiveException(String code, Kind kind, String message) {
        super(code, kind, message);
    }

    public static ArchiveException conflict(String code, String message) {
        return new ArchiveException(code, Kind.CONFLICT, message);
    }

    public static ArchiveException forbidden(String code, String message) {
        return new ArchiveException(code, Kind.FORBIDDEN, message);
    }

    public static ArchiveException invalid(String code, String message) {
        return new ArchiveException(code, Kind.INVALID, message);
    }
}
