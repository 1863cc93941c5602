package org.saraban.api.letter;

/** สิ่งที่ส่งมาด้วย: a title and, when a file is attached, its content address (SHA-256). */
public record Enclosure(String title, String sha256, String fileName, String contentType, Long size) {
}
