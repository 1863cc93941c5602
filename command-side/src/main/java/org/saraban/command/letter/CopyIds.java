package org.saraban.command.letter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a recipient agency's copy is derived from the letter and the agency, so that delivering
 * twice (after a restart) finds the same copy instead of making a second one.
 */
public final class CopyIds {

    private CopyIds() {
    }

    public static String copyId(String letterId, String agencyCode) {
        return UUID.nameUUIDFromBytes((letterId + "|" + agencyCode).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
