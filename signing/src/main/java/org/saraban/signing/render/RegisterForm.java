package org.saraban.signing.render;

import java.util.List;
import java.util.Objects;

/**
 * A register book of one agency and one Buddhist-Era calendar year (books restart every calendar
 * year, DOMAIN.md §1.5), rows in register order.
 */
public record RegisterForm(RegisterBook book, String agency, int yearBE, List<RegisterRow> rows) {

    public RegisterForm {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(agency, "agency");
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
