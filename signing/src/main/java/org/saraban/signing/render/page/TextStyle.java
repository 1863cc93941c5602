package org.saraban.signing.render.page;

import org.saraban.signing.render.text.FontFace;

/** A face, a size in points and an ink. */
public record TextStyle(FontFace face, float size, Ink ink) {

    public TextStyle withInk(Ink other) {
        return new TextStyle(face, size, other);
    }

    /** Single-spaced line pitch of this style. */
    public float lineHeight() {
        return face.lineHeight(size);
    }
}
