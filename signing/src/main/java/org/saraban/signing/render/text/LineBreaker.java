package org.saraban.signing.render.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a shaped paragraph into lines at Thai word boundaries. Thai has no spaces between words, so
 * the boundaries come from the JDK's dictionary-based line iterator for {@code th} (DESIGN.md §5);
 * a word wider than a whole line (a long e-mail address) is cut between glyph clusters, never inside
 * one, so a tone mark never leaves its consonant.
 */
public final class LineBreaker {

    private static final BreakIterator THAI_LINES = BreakIterator.getLineInstance(Locale.forLanguageTag("th"));

    /** A space-delimited token shorter than this is never cut inside. */
    private static final int SHORT_TOKEN = 7;

    private LineBreaker() {
    }

    /**
     * Word boundaries of {@code text}, 0 and its length included. Some boundaries the iterator offers
     * are refused: a space next to a number (a number stays with its word, and the groups of a
     * phone number such as {@code ๐ ๒๖๑๒ ๖๐๐๐} stay together); cuts inside short tokens and dotted
     * abbreviations; and anything inside an e-mail address or URL, which must not be read with a stray
     * hyphen or line break in it.
     */
    public static int[] wordBreaks(String text) {
        BreakIterator it = (BreakIterator) THAI_LINES.clone();
        it.setText(text);
        int[] breaks = new int[Math.max(8, text.length() / 3)];
        int n = 0;
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            if (b > 0 && b < text.length() && !allowed(text, b)) {
                continue;
            }
            if (n == breaks.length) {
                breaks = Arrays.copyOf(breaks, n * 2);
            }
            breaks[n++] = b;
        }
        return Arrays.copyOf(breaks, n);
    }

    private static boolean allowed(String text, int b) {
        if (Character.isWhitespace(text.charAt(b))) {
            // a line never starts with a space (the iterator offers this after ฯ)
            return false;
        }
        int start = b;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = b;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (start < b && b < end) {
            // inside a space-delimited token: not in a short one (agency codes such as สพร are no
            // dictionary words, abbreviations such as พ.ศ. or ก.พ.ร. are one unit), not after a dot
            // that continues an abbreviation, not in an address
            String token = text.substring(start, end);
            return token.length() >= SHORT_TOKEN && text.charAt(b - 1) != '.'
                    && !token.contains("@") && !token.contains("://");
        }
        // a break after spaces: between the token before them and the one at b
        int beforeEnd = trimEnd(text, 0, b);
        int beforeStart = beforeEnd;
        while (beforeStart > 0 && !Character.isWhitespace(text.charAt(beforeStart - 1))) {
            beforeStart--;
        }
        return !numeric(text, beforeStart, beforeEnd) && !numeric(text, b, end);
    }

    /** Digits, Thai or Arabic, with the punctuation of numbers, dates and times (๒/๒๕๖๘, ๐๙.๓๐, ๑,๒๔๗). */
    private static boolean numeric(String text, int from, int to) {
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (".,/:-–".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    /**
     * Lines of {@code shaped} at {@code size} points: the first at most {@code firstWidth} wide (a
     * paragraph's first line is indented), the others at most {@code width}.
     */
    public static List<Line> lines(Shaped shaped, float size, float firstWidth, float width) {
        String text = shaped.text();
        int[] breaks = wordBreaks(text);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int b = 1;
        while (start < text.length()) {
            float avail = lines.isEmpty() ? firstWidth : width;
            int end = -1;
            int contentEnd = -1;
            // the furthest word boundary whose text, without the spaces it ends in, still fits
            for (int k = b; k < breaks.length; k++) {
                int ce = trimEnd(text, start, breaks[k]);
                if (shaped.width(start, ce, size) > avail) {
                    break;
                }
                end = breaks[k];
                contentEnd = ce;
                b = k + 1;
            }
            if (end < 0) {
                // not even one unbreakable run fits: cut it after its last space that fits (a date or a
                // phone number), or else at the last glyph cluster that does
                int limit = b < breaks.length ? breaks[b] : text.length();
                end = spaceCut(shaped, start, limit, size, avail);
                contentEnd = trimEnd(text, start, end);
                if (end < 0) {
                    end = clusterCut(shaped, start, limit, size, avail);
                    contentEnd = end;
                }
                while (b < breaks.length && breaks[b] <= end) {
                    b++;
                }
            }
            lines.add(new Line(shaped, breaks, start, end, contentEnd, shaped.width(start, contentEnd, size)));
            start = end;
        }
        return lines;
    }

    private static int spaceCut(Shaped shaped, int start, int limit, float size, float avail) {
        String text = shaped.text();
        int best = -1;
        for (int c = start + 1; c < limit; c++) {
            if (Character.isWhitespace(text.charAt(c - 1)) && !Character.isWhitespace(text.charAt(c))) {
                if (shaped.width(start, trimEnd(text, start, c), size) > avail) {
                    break;
                }
                best = c;
            }
        }
        return best;
    }

    private static int clusterCut(Shaped shaped, int start, int limit, float size, float avail) {
        int best = -1;
        for (int c = start + 1; c <= limit; c++) {
            if (shaped.clusterStartsAt(c)) {
                if (shaped.width(start, c, size) > avail && best > 0) {
                    break;
                }
                best = c;
            }
        }
        return best > 0 ? best : limit;
    }

    static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
