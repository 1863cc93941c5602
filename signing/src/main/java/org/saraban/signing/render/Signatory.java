package org.saraban.signing.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who signs: the full name, printed in parentheses under the signature (DOMAIN.md §1.3), and the
 * position, one printed line per element. Someone signing for a superior prints the acting phrase at
 * the end of the first line and the superior's position on the next.
 */
public record Signatory(String name, List<String> position) {

    /** The phrases that make a position "acting for" another (ปฏิบัติราชการแทน and its kin). */
    private static final List<String> ACTING = List.of("ปฏิบัติราชการแทน", "รักษาราชการแทน", "ปฏิบัติงานแทน",
            "รักษาการแทน");

    public Signatory {
        Objects.requireNonNull(name, "name");
        position = position == null ? List.of() : List.copyOf(position);
    }

    /**
     * From a position as one string: {@code "รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมการปกครอง"} prints as
     * {@code "รองอธิบดี ปฏิบัติราชการแทน"} over {@code "อธิบดีกรมการปกครอง"}; the space between the two
     * lines stays with the first, so text extraction still gives the position exactly.
     */
    public static Signatory of(String name, String position) {
        if (position == null || position.isBlank()) {
            return new Signatory(name, List.of());
        }
        List<String> lines = new ArrayList<>();
        String rest = position;
        for (String acting : ACTING) {
            int at = rest.indexOf(acting + " ");
            if (at >= 0) {
                int cut = at + acting.length() + 1;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                break;
            }
        }
        lines.add(rest);
        return new Signatory(name, lines);
    }
}
