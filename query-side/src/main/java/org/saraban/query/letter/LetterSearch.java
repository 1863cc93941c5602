package org.saraban.query.letter;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.Document;
import org.saraban.api.common.ThaiText;

/**
 * What makes a letter findable (issue 6, item 3). Thai is written without spaces between words, so a letter is
 * indexed twice over: by its words, as the JDK's Thai dictionary segments them (for ranking and for queries of
 * several words), and by the character trigrams of its text, which find a query whatever the segmenter made of
 * the words around it (the dictionary splits ธรรมาภิบาลข้อมูล as ธรรมาภิบาลข้อ|มูล, and สำนักงาน as สำนัก|งาน).
 * A hit must then contain each part of the query as written. Thai digits count as Arabic, and dates are findable
 * in the Buddhist and the Common Era.
 * <p>
 * The fields are kept on the letter's read-model document ({@code searchText}, {@code searchGrams},
 * {@code searchWords}) and written with it, so they are as current and as idempotent as the letter itself.
 */
public final class LetterSearch {

    public static final String TEXT = "searchText";
    public static final String GRAMS = "searchGrams";
    public static final String WORDS = "searchWords";

    private static final Locale THAI = Locale.forLanguageTag("th");

    private LetterSearch() {
    }

    /** Puts the search fields on a letter's document from what it says now. */
    public static void index(Document d) {
        String text = normalize(String.join("\n", searchable(d)));
        if (text.equals(d.getString(TEXT)) && d.get(GRAMS) != null && d.get(WORDS) != null) {
            return; // most changes of a letter (a route, a stamp, a read) leave its words as they were
        }
        d.put(TEXT, text);
        d.put(GRAMS, new ArrayList<>(grams(text)));
        d.put(WORDS, new ArrayList<>(words(text)));
    }

    /** Lower case, Arabic digits, NFC, one space between chunks. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : ThaiText.arabicDigits(Normalizer.normalize(s, Normalizer.Form.NFC)).toCharArray()) {
            if (c != '\u200b' && c != '\u200c' && c != '\u200d' && c != '\ufeff') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The distinct trigrams (by code point) of each space-separated chunk; a shorter chunk is its own gram. */
    public static Set<String> grams(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        for (String chunk : normalized.split(" ")) {
            int[] cps = chunk.codePoints().toArray();
            if (cps.length == 0) {
                continue;
            }
            if (cps.length < 3) {
                out.add(chunk);
                continue;
            }
            for (int i = 0; i + 3 <= cps.length; i++) {
                out.add(new String(cps, i, 3));
            }
        }
        return out;
    }

    /** The distinct words, as the JDK's Thai dictionary segments them (letters or digits only). */
    public static Set<String> words(String normalized) {
        Set<String> out = new LinkedHashSet<>();
        BreakIterator b = BreakIterator.getWordInstance(THAI);
        b.setText(normalized);
        for (int start = b.first(), end = b.next(); end != BreakIterator.DONE; start = end, end = b.next()) {
            String w = normalized.substring(start, end).strip();
            if (!w.isEmpty() && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The parts of a query: its space-separated chunks, normalized. */
    public static List<String> parts(String query) {
        String q = normalize(query);
        return q.isEmpty() ? List.of() : List.of(q.split(" "));
    }

    /** How well a letter's document matches the query's parts: 0 when a part is missing. */
    public static double score(Document d, List<String> parts) {
        String text = d.getString(TEXT);
        if (text == null) {
            return 0;
        }
        String subject = normalize(d.getString("subject"));
        List<String> words = d.getList(WORDS, String.class, List.of());
        double score = 0;
        for (String part : parts) {
            int inText = count(text, part);
            if (inText == 0) {
                return 0;
            }
            score += Math.log(1 + inText) + 3.0 * Math.min(1, count(subject, part));
            for (String w : words(part)) {
                if (words.contains(w)) {
                    score += 0.5; // a whole word of the query, as the segmenter reads the letter
                }
            }
        }
        return score;
    }

    /** Whether the letter is from, or kept by, the agency named (its code or part of its name). */
    public static boolean agencyMatches(Document d, String agency) {
        String a = normalize(agency);
        for (String k : List.of("fromAgencyCode", "fromAgencyName", "agencyCode", "agencyName")) {
            if (normalize(d.getString(k)).contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code width} characters of the text around the first part found, in Thai digits. */
    public static String snippet(Document d, List<String> parts, int width) {
        String text = d.getString(TEXT);
        if (text == null || parts.isEmpty()) {
            return null;
        }
        int at = text.indexOf(parts.get(0));
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - width / 3);
        int to = Math.min(text.length(), from + width);
        // the index reads digits as Arabic; a Thai reader reads them as the letter printed them
        return ThaiText.thaiDigits((from > 0 ? "…" : "") + text.substring(from, to)
                + (to < text.length() ? "…" : ""));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /**
     * What free text is matched against: what the letter says (subject, body, a paper letter's text from its scan,
     * addressees, references,
     * enclosures, copies, signatory, owner unit), its numbers and dates, and the agency codes. Agencies' full
     * names are not: every letter of สำนักงานพัฒนารัฐบาลดิจิทัล would otherwise match "รัฐบาลดิจิทัล"; they are
     * matched by the agency filter ({@link #agencyMatches}).
     */
    private static List<String> searchable(Document d) {
        List<String> out = new ArrayList<>();
        for (String k : List.of("subject", "number", "receivingNumber", "fromAgencyCode", "kindThai", "salutation",
                "closing", "dateThai")) {
            add(out, d.get(k));
        }
        for (String k : List.of("to", "references", "enclosures", "body", "bodyText", "copiesTo")) {
            add(out, d.get(k));
        }
        add(out, d.get("signatory"));
        add(out, d.get("ownerUnit"));
        String date = d.getString("date");
        if (date != null && date.length() >= 10) {
            try {
                LocalDate day = LocalDate.parse(date.substring(0, 10));
                out.add(day.toString());
                out.add(day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + (day.getYear() + 543));
                out.add(day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear());
                out.add(Integer.toString(day.getYear()));
                out.add(Integer.toString(day.getYear() + 543));
            } catch (RuntimeException ignored) {
                // not a date: nothing to add
            }
        }
        return out;
    }

    private static void add(List<String> out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            if (!s.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                out.add(s); // an id says nothing a person would search for
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> add(out, v));
        } else if (value instanceof Document doc) {
            doc.values().forEach(v -> add(out, v));
        }
    }
}
