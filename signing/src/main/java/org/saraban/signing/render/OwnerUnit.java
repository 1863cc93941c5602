package org.saraban.signing.render;

import java.util.Objects;

/**
 * ส่วนราชการเจ้าของเรื่อง with its โทร, โทรสาร and ไปรษณีย์อิเล็กทรอนิกส์ (DOMAIN.md §1.3), printed at
 * the foot of an external or stamped letter and in the ส่วนราชการ line of a memo. Any contact may be
 * null.
 */
public record OwnerUnit(String name, String phone, String fax, String email) {

    public OwnerUnit {
        Objects.requireNonNull(name, "name");
    }
}
