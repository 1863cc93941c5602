package org.saraban.api.archive;

/**
 * One line of a 20-year list: a letter that has reached twenty years, what identifies it on paper, its file
 * code, and, on the list of letters the agency keeps itself, why (empty on the transfer list).
 */
public record TransferItem(String letterId, String number, String date, String subject, String fileCode,
                           String keepReason) {
}
