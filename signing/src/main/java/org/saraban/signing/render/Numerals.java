package org.saraban.signing.render;

/**
 * Which digits the renderer prints where it writes numbers itself (page numbers, item numbers,
 * register years and rows). Thai digits are the default for letters (Cabinet resolution of
 * 2 May 2543, DOMAIN.md §7); Arabic digits are allowed.
 */
public enum Numerals {
    THAI('๐'),
    ARABIC('0');

    private final char zero;

    Numerals(char zero) {
        this.zero = zero;
    }

    /** {@code n} in these digits. */
    public String format(long n) {
        return digits(Long.toString(n));
    }

    /** Every digit of {@code s}, Thai or Arabic, written in these digits; all else unchanged. */
    public String digits(String s) {
        if (s == null) {
            return null;
        }
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                chars[i] = (char) (zero + (c - '0'));
            } else if (c >= '๐' && c <= '๙') {
                chars[i] = (char) (zero + (c - '๐'));
            }
        }
        return new String(chars);
    }

    /** The digit zero. */
    public char zero() {
        return zero;
    }
}
