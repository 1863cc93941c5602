package org.saraban.api.meeting;

/** A meeting document in the blob store, by the SHA-256 of its bytes. */
public record MeetingDocument(String title, String sha256, String fileName, String contentType, Long size) {
}
