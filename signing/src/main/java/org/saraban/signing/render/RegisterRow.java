package org.saraban.signing.render;

/**
 * One entry of a register in the form's columns (DOMAIN.md §1.6: เลขทะเบียน, ที่, ลงวันที่, จาก, ถึง,
 * เรื่อง, การปฏิบัติ, หมายเหตุ), each already formatted; any may be null. {@code registeredOn} is the
 * date (and time) of registration, printed under the register number because one page of an
 * electronic register spans many days.
 */
public record RegisterRow(
        String registerNumber,
        String registeredOn,
        String number,
        String dated,
        String from,
        String to,
        String subject,
        String action,
        String remarks) {
}
