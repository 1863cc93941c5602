package org.saraban.signing.pki;

import java.util.Objects;

/**
 * Who a signing certificate is issued to, as the directory knows them.
 *
 * @param personId  the directory's opaque id; it goes into the certificate's UID so a certificate maps back
 * @param thaiName  full name as it appears under a signature, e.g. "นางสาวกิ่งแก้ว ใจดี"
 * @param position  ตำแหน่ง, e.g. "ผู้อำนวยการกอง"
 * @param agency    ส่วนราชการ, e.g. "กรมตัวอย่าง"
 */
public record PersonIdentity(String personId, String thaiName, String position, String agency) {
    public PersonIdentity {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(thaiName, "thaiName");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(agency, "agency");
        if (personId.isBlank() || thaiName.isBlank()) {
            throw new IllegalArgumentException("personId and thaiName must not be blank");
        }
    }
}
