package org.saraban.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** One in-memory PKI per test class: creating CA keys is the slow part of a test. */
public final class TestPki {

    public static final char[] PASSWORD = "test-storage-password".toCharArray();

    private TestPki() {
    }

    public static InternalPki create() {
        try {
            return InternalPki.open(new InMemoryPkiStorage(), new PkiSettings("กรมตัวอย่าง", PASSWORD, java.net.URI.create("http://localhost:8080/pki/"), java.time.Duration.ofDays(1095)), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PersonIdentity approver() {
        return new PersonIdentity("person-approver-1", "นางสาวกิ่งแก้ว ใจดี", "ผู้อำนวยการกอง", "กรมตัวอย่าง");
    }

    public static PersonIdentity signatory() {
        return new PersonIdentity("person-signatory-2", "นายสมชาย ที่ดีที่สุด", "อธิบดีกรมตัวอย่าง", "กรมตัวอย่าง");
    }
}
