package org.saraban.api.archive;

import java.util.List;

/**
 * One line of a destruction list (บัญชีหนังสือขอทำลาย, แบบที่ ๒๕): the letter, what identifies it on paper, its
 * file code and the year it was kept until, and the content it has in the blob store (by SHA-256).
 */
public record DestructionItem(String letterId, String number, String date, String subject, String fileCode,
                              Integer keepUntilYearBE, List<String> blobs) {
}
