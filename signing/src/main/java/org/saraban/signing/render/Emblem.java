package org.saraban.signing.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.saraban.signing.render.page.Canvas;
import org.saraban.signing.render.page.DocumentResources;

/**
 * The emblem at the head of a letter. An agency configures its own image (the Garuda, or its seal,
 * as PNG or JPEG); without one a neutral placeholder is drawn, two grey rings, so that a demo letter
 * can never pass for one printed on Garuda paper.
 */
public final class Emblem {

    private static final Emblem PLACEHOLDER = new Emblem(null, 1f);

    private final byte[] image;
    /** Width over height. */
    private final float aspect;

    private Emblem(byte[] image, float aspect) {
        this.image = image;
        this.aspect = aspect;
    }

    public static Emblem placeholder() {
        return PLACEHOLDER;
    }

    /**
     * An agency's emblem image; it is scaled to the form's emblem height, keeping its proportions.
     *
     * @throws IllegalArgumentException when the bytes are neither PNG nor JPEG
     */
    public static Emblem image(byte[] pngOrJpeg) {
        byte[] copy = pngOrJpeg.clone();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(copy))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (format.equals("png") || format.equals("jpeg")) {
                    try {
                        reader.setInput(in);
                        return new Emblem(copy, (float) reader.getWidth(0) / reader.getHeight(0));
                    } finally {
                        reader.dispose();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("the emblem must be a PNG or JPEG image");
    }

    /** Width of the emblem drawn {@code height} tall. */
    float width(float height) {
        return height * aspect;
    }

    /** Draws it with its bottom-left corner at {@code (x, y)}, {@code height} tall. */
    void draw(Canvas c, DocumentResources resources, float x, float y, float height) throws IOException {
        c.beginArtifact();
        if (image == null) {
            float r = height / 2;
            c.save();
            c.strokeColor(0.6f, 0.6f, 0.6f);
            c.lineWidth(Math.max(0.5f, height / 60));
            c.strokeCircle(x + r, y + r, r * 0.98f);
            c.strokeCircle(x + r, y + r, r * 0.72f);
            c.restore();
        } else {
            c.image(resources.image(image, "emblem"), x, y, width(height), height);
        }
        c.endMarkedContent();
    }
}
