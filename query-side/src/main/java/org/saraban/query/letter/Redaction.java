package org.saraban.query.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

/**
 * Redaction of personal data in a read model's document (PDPA decisions, DOMAIN.md §8): every text of the document
 * has each term replaced by {@link #MARK}, whatever its spacing, hyphens or digits (Thai or Arabic). Ids, content
 * hashes and the terms themselves are left as they are. Applied on every write, so later events cannot bring the
 * data back into the read model; the events keep the record as it was.
 */
public final class Redaction {

    /** The internal field holding the terms to redact (never part of a view). */
    public static final String TERMS = "redactionTerms";
    public static final String MARK = "[ปกปิด]";

    private Redaction() {
    }

    /** Redacts {@code d} in place by its own {@link #TERMS}. */
    public static void apply(Document d) {
        List<String> terms = d.getList(TERMS, String.class, List.of());
        if (terms.isEmpty()) {
            return;
        }
        List<Pattern> patterns = terms.stream().map(Redaction::pattern).toList();
        for (Map.Entry<String, Object> e : d.entrySet()) {
            if (!skipped(e.getKey())) {
                e.setValue(redact(e.getValue(), patterns));
            }
        }
    }

    /** The text with every term replaced. */
    public static String redact(String text, List<String> terms) {
        return (String) redact(text, terms.stream().map(Redaction::pattern).toList());
    }

    private static boolean skipped(String key) {
        return key.equals(TERMS) || key.equals("_id") || key.equals("id") || key.endsWith("Id") || key.endsWith("Ids")
                || key.equalsIgnoreCase("sha256") || key.endsWith("Sha256") || key.endsWith("Hash")
                || key.equals(LetterSearch.GRAMS) || key.equals(LetterSearch.WORDS);
    }

    private static Object redact(Object value, List<Pattern> patterns) {
        if (value instanceof String s) {
            String out = s;
            for (Pattern p : patterns) {
                out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
            }
            return out;
        }
        if (value instanceof Document doc) {
            for (Map.Entry<String, Object> e : doc.entrySet()) {
                if (!skipped(e.getKey())) {
                    e.setValue(redact(e.getValue(), patterns));
                }
            }
            return doc;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(redact(v, patterns)));
            return out;
        }
        return value;
    }

    /** The term, its characters allowed to be spaced or hyphenated, each digit in Thai or Arabic. */
    static Pattern pattern(String term) {
        StringBuilder re = new StringBuilder();
        term.strip().codePoints().filter(c -> !Character.isWhitespace(c) && c != '-').forEach(c -> {
            if (!re.isEmpty()) {
                re.append("[\\s\\-]*");
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 0x0E50 && c <= 0x0E59 ? c - 0x0E50 : -1;
            if (digit >= 0) {
                re.append('[').append((char) ('0' + digit)).append((char) (0x0E50 + digit)).append(']');
            } else {
                re.append(Pattern.quote(new String(Character.toChars(c))));
            }
        });
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
