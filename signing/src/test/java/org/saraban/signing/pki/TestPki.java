package org.saraban.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;

/** One in-memory PKI per test class: creating CA keys is the slow part of a test. */
public final class TestPki {

    public static final char[] PASSWORD = "test-storage-password".toCharArray();

    private TestPki() {
    }

    /**
     * With publication points, as a deployment has them (DSS warns about certificates without); DSS never
     * fetches from them here: the revocation data comes from the PDF.
     */
    public static PkiSettings settings() {
        return PkiSettings.of("กรมตัวอย่าง", PASSWORD, URI.create("http://localhost:8080/pki/"));
    }

    public static InternalPki create() {
        try {
            return InternalPki.open(new InMemoryPkiStorage(), settings(), Clock.systemUTC());
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
