package org.saraban.api.archive;

/** One letter on a loan card (รายการ): its number, subject and file code, and whether it is secret. */
public record LoanItem(String letterId, String number, String subject, String fileCode, boolean secret) {
}
