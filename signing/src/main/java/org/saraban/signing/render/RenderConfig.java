package org.saraban.signing.render;

import java.util.Objects;

/**
 * What an agency configures for its printed letters: the fonts, the emblem and the digits.
 * {@link #defaults()} is the bundled Sarabun, the neutral placeholder emblem and Thai digits.
 */
public record RenderConfig(FontSet fonts, Emblem emblem, Numerals numerals) {

    public RenderConfig {
        Objects.requireNonNull(fonts, "fonts");
        Objects.requireNonNull(emblem, "emblem");
        Objects.requireNonNull(numerals, "numerals");
    }

    public static RenderConfig defaults() {
        return new RenderConfig(FontSet.bundled(), Emblem.placeholder(), Numerals.THAI);
    }

    public RenderConfig withFonts(FontSet other) {
        return new RenderConfig(other, emblem, numerals);
    }

    public RenderConfig withEmblem(Emblem other) {
        return new RenderConfig(fonts, other, numerals);
    }

    public RenderConfig withNumerals(Numerals other) {
        return new RenderConfig(fonts, emblem, other);
    }
}
