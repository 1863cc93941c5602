package org.saraban.signing.render.page;

/** Something drawn with a row (a rule, dotted leaders), relative to the row's baseline. */
@FunctionalInterface
public interface Graphic {

    void draw(Canvas canvas, float baseline);

    /** A rule from {@code x1} to {@code x2}, {@code dy} points above the baseline. */
    static Graphic rule(float x1, float x2, float dy, float width) {
        return (c, baseline) -> {
            c.save();
            c.lineWidth(width);
            c.strokeLine(x1, baseline + dy, x2, baseline + dy);
            c.restore();
        };
    }

    /** The dotted line the forms print under a field's value. */
    static Graphic dotted(float x1, float x2, float dy) {
        return (c, baseline) -> {
            c.save();
            Ink.GREY.stroke(c);
            c.lineWidth(0.6f);
            c.dash(0.6f, 1.8f);
            c.strokeLine(x1, baseline + dy, x2, baseline + dy);
            c.restore();
        };
    }

    /** A box {@code w} wide whose bottom is {@code dy} above the baseline, drawn twice like a stamp's frame. */
    static Graphic frame(float x, float dy, float w, float h, Ink ink) {
        return (c, baseline) -> {
            c.save();
            ink.stroke(c);
            c.lineWidth(1.2f);
            c.strokeRect(x, baseline + dy, w, h);
            c.lineWidth(0.5f);
            c.strokeRect(x + 2.5f, baseline + dy + 2.5f, w - 5f, h - 5f);
            c.restore();
        };
    }
}
