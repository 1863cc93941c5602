package org.saraban.signing.render;

import java.util.Objects;

/**
 * ส่วนราชการเจ้าของหนังสือ: the issuing agency's full name, and its address for the forms that print
 * one (external, stamped, certificate). The address may hold line breaks ({@code \n}); otherwise it
 * wraps at word boundaries.
 */
public record Issuer(String name, String address) {

    public Issuer {
        Objects.requireNonNull(name, "name");
    }
}
