package org.saraban.query.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Redaction finds a term however it is spaced, hyphenated or digited, and leaves ids and hashes alone. */
class RedactionTest {

    @Test
    void a_term_is_found_in_thai_or_arabic_digits_with_any_spacing() {
        List<String> terms = List.of("081-234-5678", "นายสมชาย ดีใจ", "Somchai@Example.com");
        assertThat(Redaction.redact("โทร ๐๘๑ ๒๓๔ ๕๖๗๘ หรือ 0812345678", terms)).isEqualTo("โทร [ปกปิด] หรือ [ปกปิด]");
        assertThat(Redaction.redact("ด้วยนายสมชาย  ดีใจ ได้ร้องเรียน", terms)).isEqualTo("ด้วย[ปกปิด] ได้ร้องเรียน");
        assertThat(Redaction.redact("อีเมล somchai@example.com", terms)).isEqualTo("อีเมล [ปกปิด]");
        assertThat(Redaction.redact("นายสมชาย ดีมาก", terms)).isEqualTo("นายสมชาย ดีมาก");
    }

    @Test
    void a_document_is_redacted_deeply_but_not_its_ids_hashes_or_terms() {
        String sha = "a".repeat(64);
        Document d = new Document("id", "นายสมชาย ดีใจ").append("subject", "กรณีนายสมชาย ดีใจ")
                .append("body", List.of("ผู้ร้อง นายสมชาย ดีใจ"))
                .append("signatory", new Document("displayName", "นายสมชาย ดีใจ").append("personId", "นายสมชาย ดีใจ"))
                .append("pdfSha256", sha)
                .append(Redaction.TERMS, List.of("นายสมชาย ดีใจ"));
        Redaction.apply(d);
        assertThat(d.getString("subject")).isEqualTo("กรณี[ปกปิด]");
        assertThat(d.getList("body", String.class)).containsExactly("ผู้ร้อง [ปกปิด]");
        assertThat(d.get("signatory", Document.class).getString("displayName")).isEqualTo("[ปกปิด]");
        assertThat(d.get("signatory", Document.class).getString("personId")).isEqualTo("นายสมชาย ดีใจ");
        assertThat(d.getString("id")).isEqualTo("นายสมชาย ดีใจ");
        assertThat(d.getString("pdfSha256")).isEqualTo(sha);
        assertThat(d.getList(Redaction.TERMS, String.class)).containsExactly("นายสมชาย ดีใจ");
    }
}
