package org.saraban.signing.render.text;

/**
 * A run of text after shaping: the glyphs the font chose (Thai marks already substituted and
 * positioned), where each one sits, and which character each belongs to. Positions are in 1/1000 em
 * from the start of the run, y downwards as the JDK gives it.
 */
public final class Shaped {

    /** The JDK's code for a glyph that draws nothing (zero-width joiners and the like). */
    private static final int INVISIBLE = 0xFFFE;

    private final String text;
    private final int[] glyphs;
    private final float[] positions;
    /** For each char index 0..length, the first glyph at or after it; glyphs are in cluster order (LTR). */
    private final int[] charOfGlyph;
    private final int[] glyphAtChar;
    private final boolean[] clusterStart;

    Shaped(String text, int[] glyphs, float[] positions, int[] charIndices) {
        this.text = text;
        this.glyphs = glyphs;
        this.positions = positions;
        this.charOfGlyph = charIndices;
        int len = text.length();
        this.glyphAtChar = new int[len + 1];
        this.clusterStart = new boolean[len + 1];
        int g = 0;
        for (int c = 0; c <= len; c++) {
            while (g < glyphs.length && charIndices[g] < c) {
                g++;
            }
            glyphAtChar[c] = g;
            clusterStart[c] = c == len || (g < glyphs.length && charIndices[g] == c);
        }
    }

    public String text() {
        return text;
    }

    public int glyphCount() {
        return glyphs.length;
    }

    /** The glyph id in the font, or -1 for a glyph that draws nothing. */
    public int glyph(int i) {
        return glyphs[i] >= INVISIBLE ? -1 : glyphs[i];
    }

    public float x(int glyph) {
        return positions[glyph * 2];
    }

    /** Vertical offset from the baseline, downwards positive (marks stacked above a vowel are negative). */
    public float y(int glyph) {
        return positions[glyph * 2 + 1];
    }

    /** The char a glyph belongs to (the first char of its cluster). */
    public int charOf(int glyph) {
        return charOfGlyph[glyph];
    }

    /** First glyph that belongs to char {@code c} or a later one; {@code glyphCount()} at the end. */
    public int glyphAt(int c) {
        return glyphAtChar[c];
    }

    /** True where a glyph cluster starts: the only places a line may be cut without a word boundary. */
    public boolean clusterStartsAt(int c) {
        return clusterStart[c];
    }

    /** Pen position at char {@code c}, in 1/1000 em from the run's start. */
    public float xAt(int c) {
        return x(glyphAtChar[c]);
    }

    /** Advance of chars {@code [from, to)} at {@code size} points. */
    public float width(int from, int to, float size) {
        return (xAt(to) - xAt(from)) * size / FontFace.EM;
    }

    /** Advance of the whole run at {@code size} points. */
    public float width(float size) {
        return width(0, text.length(), size);
    }
}
