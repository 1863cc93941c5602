package org.saraban.signing.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.saraban.signing.render.text.FontFace;
import org.saraban.signing.render.text.FontNotUsableException;

/**
 * The regular and bold faces letters are set in. Official letters use TH Sarabun at 16 pt (Cabinet
 * resolution of 7 Sep 2553, DOMAIN.md §7), which no registry distributes; the build bundles the OFL
 * "Sarabun", drawn by the same foundry with the same advance widths (DESIGN.md §5), and an agency that
 * licenses TH Sarabun New points {@link #of(Path, Path)} at its own files. Immutable, shareable.
 */
public final class FontSet {

    private static final String BUNDLED = "fonts/";
    private static volatile FontSet bundled;

    private final FontFace regular;
    private final FontFace bold;

    private FontSet(FontFace regular, FontFace bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The OFL Sarabun regular and bold that come with the build. */
    public static FontSet bundled() {
        FontSet s = bundled;
        if (s == null) {
            synchronized (FontSet.class) {
                s = bundled;
                if (s == null) {
                    s = new FontSet(resource("Sarabun-Regular.ttf"), resource("Sarabun-Bold.ttf"));
                    bundled = s;
                }
            }
        }
        return s;
    }

    /**
     * An agency's own TrueType files, e.g. {@code THSarabunNew.ttf} and {@code THSarabunNew Bold.ttf}.
     * With {@code bold} null the regular face serves for headings too.
     *
     * @throws FontNotUsableException when a file cannot be read or cannot set Thai
     */
    public static FontSet of(Path regular, Path bold) {
        FontFace r = file(Objects.requireNonNull(regular, "regular"));
        return new FontSet(r, bold == null ? r : file(bold));
    }

    /** The same from streams (read fully, not closed); {@code bold} may be null. */
    public static FontSet of(InputStream regular, InputStream bold) {
        FontFace r = FontFace.read("regular stream", readAll(Objects.requireNonNull(regular, "regular")));
        return new FontSet(r, bold == null ? r : FontFace.read("bold stream", readAll(bold)));
    }

    public FontFace regular() {
        return regular;
    }

    public FontFace bold() {
        return bold;
    }

    private static FontFace file(Path path) {
        try {
            return FontFace.read(path.toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new FontNotUsableException(path.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static FontFace resource(String name) {
        try (InputStream in = FontSet.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                // generate-resources puts the fonts there (signing/src/main/fonts); a classpath without them
                // is a broken build, not a configuration the caller could fix
                throw new IllegalStateException("bundled font " + name + " missing from the classpath");
            }
            return FontFace.read(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
