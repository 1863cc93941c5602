package org.saraban.api.letter;

/** The only matters a stamped letter may carry (ระเบียบสารบรรณ ข้อ ๑๓). */
public enum StampedPurpose {
    REQUEST_DETAILS, SEND_COPIES, ACKNOWLEDGE_RECEIPT, REPORT_COMPLETION, REMINDER, DESIGNATED_BY_ORDER
}
