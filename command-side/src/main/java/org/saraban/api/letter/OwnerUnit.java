package org.saraban.api.letter;

/** ส่วนราชการเจ้าของเรื่อง with its โทร / โทรสาร / ไปรษณีย์อิเล็กทรอนิกส์. */
public record OwnerUnit(String name, String phone, String fax, String email) {
}
