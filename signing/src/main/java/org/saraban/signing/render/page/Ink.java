package org.saraban.signing.render.page;

/** The two inks of the forms: black, and red for urgency and secrecy marks (DOMAIN.md §1.4, §2). */
public enum Ink {
    BLACK(0, 0, 0),
    RED(1, 0, 0),
    /** Lines and the placeholder emblem, which must not pass for a real mark. */
    GREY(0.55f, 0.55f, 0.55f);

    final float r;
    final float g;
    final float b;

    Ink(float r, float g, float b) {
        this.r = r;
        this.g = g;
        this.b = b;
    }

    void fill(Canvas c) {
        c.fillColor(r, g, b);
    }

    void stroke(Canvas c) {
        c.strokeColor(r, g, b);
    }
}
