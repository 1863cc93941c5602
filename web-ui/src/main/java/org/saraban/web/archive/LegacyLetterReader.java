package org.saraban.web.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.saraban.api.common.ThaiText;

/**
 * Proposes a received paper letter's metadata from the OCR text of its scan (issue 6, item 7), as a careful
 * clerk would register it: the ที่, the date, the sender, เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, the
 * signatory and position, the owner unit with its phone and e-mail, the urgency mark, and each receipt stamp.
 * It mends the usual OCR noise: Latin letters that look like Thai ones (o for ๐, n for ก, W for พ, u for บ),
 * a doubled last letter of a keyword (เรียนน, ขอแสดงความนับถืออ), wrapped lines, runs of spaces, and a letter
 * date that cannot be (a day the month does not have, or a year after the letter was received). The clerk
 * confirms or corrects each field; nothing is registered from a proposal alone.
 */
public final class LegacyLetterReader {

    /** What the reader proposes; a field it could not find is null (or empty). */
    public record Proposal(String number, String dateThai, String dateIso, String fromAgency, String subject,
                           String salutation, List<String> to, List<String> references, List<String> enclosures,
                           String signatoryName, String signatoryPosition, String ownerUnit, String phone,
                           String email, String urgency, List<Stamp> receiptStamps, List<String> corrections) {
    }

    public record Stamp(String agency, String receiptNumber, String dateIso, String time) {
    }

    static final List<String> MONTHS = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");
    static final List<String> SHORT_MONTHS = List.of("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
            "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.");
    private static final String TD = "[๐-๙]";
    private static final Pattern GAP = Pattern.compile("\\s{3,}");
    private static final Pattern LETTER_DATE = Pattern.compile("^(" + TD + "{1,2})\\s+(" + String.join("|", MONTHS)
            + ")\\s+(" + TD + "{4})$");
    private static final Pattern STAMP_DATE = Pattern.compile("(" + TD + "{1,2})\\s*(" + String.join("|",
            SHORT_MONTHS.stream().map(Pattern::quote).toList()) + ")\\s*(" + TD + "{2,4})");
    private static final Pattern TIME = Pattern.compile("(" + TD + "{1,2})\\s*[.:]\\s*(" + TD + "{2})");
    private static final Pattern ITEM = Pattern.compile("^(" + TD + "+)\\.\\s*(.*)$");
    private static final Map<Character, Character> LOOKALIKES = Map.of('n', 'ก', 'W', 'พ', 'w', 'พ', 'u', 'บ', 'U', 'บ',
            'o', '๐', 'O', '๐');

    private final List<String> corrections = new ArrayList<>();

    private LegacyLetterReader() {
    }

    public static Proposal read(String ocr) {
        return new LegacyLetterReader().propose(ocr);
    }

    private Proposal propose(String ocr) {
        List<String> lines = new ArrayList<>();
        for (String raw : ocr.replace("\r", "").split("\n", -1)) {
            lines.add(fixLookalikes(raw));
        }
        int numberLine = indexOf(lines, l -> l.strip().startsWith("ที่ ") || l.strip().startsWith("ที่\t"));
        String number = null;
        String fromAgency = null;
        if (numberLine >= 0) {
            String[] parts = GAP.split(lines.get(numberLine).strip(), 2);
            number = spaces(parts[0].strip().substring(3));
            if (parts.length > 1) {
                fromAgency = agencyOf(parts[1]);
            }
        }
        List<String> header = numberLine >= 0 ? lines.subList(0, numberLine) : List.of();
        String urgency = urgency(header);
        List<Stamp> stamps = stamps(header);

        // the letter's date: the first line that is a full Thai date, after the ที่ line
        String dateThai = null;
        String dateIso = null;
        for (int i = Math.max(0, numberLine); i < lines.size(); i++) {
            Matcher m = LETTER_DATE.matcher(lines.get(i).strip());
            if (m.matches()) {
                int day = arabic(m.group(1));
                int month = MONTHS.indexOf(m.group(2)) + 1;
                int yearBE = arabic(m.group(3));
                LocalDate received = stamps.isEmpty() || stamps.get(0).dateIso() == null ? null
                        : LocalDate.parse(stamps.get(0).dateIso());
                if (received != null && yearBE - 543 > received.getYear()) {
                    corrections.add("the letter's year " + yearBE + " is after it was received: read as "
                            + (received.getYear() + 543));
                    yearBE = received.getYear() + 543;
                }
                try {
                    LocalDate date = LocalDate.of(yearBE - 543, month, day);
                    dateIso = date.toString();
                    dateThai = ThaiText.thaiDigits(day) + " " + MONTHS.get(month - 1) + " " + ThaiText.thaiDigits(yearBE);
                } catch (RuntimeException e) {
                    corrections.add("no such date: " + m.group());
                }
                break;
            }
        }

        String subject = field(lines, "เรื่อง");
        String salutation = null;
        List<String> to = new ArrayList<>();
        int salutationLine = indexOf(lines, l -> l.strip().matches("^(เรียนน?|ถึงง?)\\s.*"));
        if (salutationLine >= 0) {
            String l = lines.get(salutationLine).strip();
            String word = l.startsWith("เรียน") ? "เรียน" : "ถึง";
            String rest = l.replaceFirst("^" + word + word.charAt(word.length() - 1) + "?", "");
            if (l.startsWith(word + word.charAt(word.length() - 1))) {
                corrections.add("doubled letter: " + l.split("\\s")[0] + " read as " + word);
            }
            salutation = word;
            to.add(spaces(rest.strip()));
        }
        List<String> references = items(lines, "อ้างถึง", List.of("สิ่งที่ส่งมาด้วย"));
        List<String> enclosures = items(lines, "สิ่งที่ส่งมาด้วย", List.of());

        // the signatory: the parenthesised name after the closing, then the position's lines
        String signatoryName = null;
        String signatoryPosition = null;
        String ownerUnit = null;
        String phone = null;
        String email = null;
        int closing = indexOf(lines, l -> l.strip().startsWith("ขอแสดงความนับถือ"));
        int nameLine = -1;
        for (int i = Math.max(0, closing); i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("(") && l.endsWith(")") && l.length() > 2) {
                signatoryName = spaces(l.substring(1, l.length() - 1).strip());
                nameLine = i;
                break;
            }
        }
        if (nameLine >= 0) {
            List<String> position = new ArrayList<>();
            int i = nameLine + 1;
            for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                position.add(lines.get(i).strip());
            }
            signatoryPosition = spaces(String.join(" ", position));
            for (; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.startsWith("โทรสาร")) {
                    continue;
                } else if (l.startsWith("โทร")) {
                    phone = spaces(l.replaceFirst("^โทร\\.?", "").strip());
                } else if (l.startsWith("ไปรษณีย์อิเล็กทรอนิกส์") || l.startsWith("อีเมล")) {
                    email = l.replaceFirst("^(ไปรษณีย์อิเล็กทรอนิกส์|อีเมล)", "").strip();
                } else if (ownerUnit == null) {
                    ownerUnit = spaces(l);
                }
            }
        }
        return new Proposal(number, dateThai, dateIso, fromAgency, subject, salutation, to, references, enclosures,
                signatoryName, signatoryPosition, ownerUnit, phone, email, urgency, stamps, List.copyOf(corrections));
    }

    /** The value after a keyword at the start of a line, with its wrapped continuation lines. */
    private static String field(List<String> lines, String keyword) {
        int at = indexOf(lines, l -> l.strip().startsWith(keyword));
        if (at < 0) {
            return null;
        }
        StringBuilder value = new StringBuilder(lines.get(at).strip().substring(keyword.length()).strip());
        for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            value.append(lines.get(i).strip());
        }
        return spaces(value.toString());
    }

    /** The numbered (or single) items after a keyword, each with its wrapped lines, until a blank line. */
    private static List<String> items(List<String> lines, String keyword, List<String> stops) {
        int at = indexOf(lines, l -> l.strip().startsWith(keyword));
        List<String> out = new ArrayList<>();
        if (at < 0) {
            return out;
        }
        List<String> block = new ArrayList<>();
        block.add(lines.get(at).strip().substring(keyword.length()).strip());
        for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String l = lines.get(i).strip();
            if (stops.stream().anyMatch(l::startsWith)) {
                break;
            }
            block.add(l);
        }
        StringBuilder current = null;
        for (String l : block) {
            Matcher m = ITEM.matcher(l);
            if (m.matches()) {
                if (current != null) {
                    out.add(spaces(current.toString()));
                }
                current = new StringBuilder(m.group(2));
            } else if (current == null) {
                current = new StringBuilder(l);
            } else {
                current.append(' ').append(l);
            }
        }
        if (current != null) {
            out.add(spaces(current.toString()));
        }
        return out;
    }

    private static String urgency(List<String> header) {
        String found = "NORMAL";
        for (String l : header) {
            String first = GAP.split(l.strip(), 2)[0].strip();
            switch (first) {
                case "ด่วนที่สุด" -> found = "MOST_URGENT";
                case "ด่วนมาก" -> found = "VERY_URGENT";
                case "ด่วน" -> found = "URGENT";
                default -> { }
            }
        }
        return found;
    }

    /** Each receipt stamp above the letter, outer first: the agency's lines, รับที่/เลขรับ, the date, the time. */
    private List<Stamp> stamps(List<String> header) {
        List<Stamp> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String l = clean(header.get(i));
            if (!(l.startsWith("รับที่") || l.startsWith("เลขรับ"))) {
                continue;
            }
            List<String> agency = new ArrayList<>();
            for (int j = i - 1; j >= 0; j--) {
                String a = clean(header.get(j));
                if (a.isEmpty() || isBorder(a) || a.matches(".*" + TD + ".*") || a.startsWith("ด่วน")) {
                    break;
                }
                agency.add(0, a);
            }
            String receiptNumber = l.replaceAll("[^๐-๙]", "");
            StringBuilder rest = new StringBuilder();
            for (int j = i + 1; j < header.size() && j <= i + 3; j++) {
                String n = clean(header.get(j));
                if (n.isEmpty() || isBorder(n) || n.startsWith("รับที่") || n.startsWith("เลขรับ")
                        || !n.matches(".*" + TD + ".*")) {
                    break;
                }
                rest.append(' ').append(n);
            }
            String dateIso = null;
            String time = null;
            Matcher d = STAMP_DATE.matcher(rest);
            int after = 0;
            if (d.find()) {
                int year = arabic(d.group(3));
                int yearBE = year < 100 ? 2500 + year : year;
                try {
                    dateIso = LocalDate.of(yearBE - 543, SHORT_MONTHS.indexOf(d.group(2)) + 1, arabic(d.group(1))).toString();
                } catch (RuntimeException e) {
                    corrections.add("no such stamp date: " + d.group());
                }
                after = d.end();
            }
            Matcher t = TIME.matcher(rest.substring(after));
            if (t.find()) {
                time = String.format("%02d:%02d", arabic(t.group(1)), arabic(t.group(2)));
            }
            out.add(new Stamp(spaces(String.join(" ", agency)), receiptNumber.isEmpty() ? null : receiptNumber, dateIso,
                    time));
        }
        return out;
    }

    private static String agencyOf(String text) {
        String a = spaces(text.strip());
        return a.startsWith("ศาลากลาง") ? a.substring("ศาลากลาง".length()) : a;
    }

    /** A Latin letter inside Thai (or inside Thai digits) is read as the Thai one it looks like. */
    private String fixLookalikes(String line) {
        StringBuilder out = new StringBuilder(line);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            Character thai = LOOKALIKES.get(c);
            if (thai == null) {
                continue;
            }
            char before = i > 0 ? out.charAt(i - 1) : ' ';
            char after = i + 1 < out.length() ? out.charAt(i + 1) : ' ';
            boolean digit = thai >= '๐' && thai <= '๙';
            boolean fits = digit ? isThaiDigit(before) && (isThaiDigit(after) || !Character.isLetter(after))
                    || before == '.' && isThaiDigit(i > 1 ? out.charAt(i - 2) : ' ')
                    : isThai(before) || isThai(after);
            if (fits && !isLatinWord(out, i)) {
                corrections.add("'" + c + "' read as '" + thai + "' in: " + line.strip());
                out.setCharAt(i, thai);
            }
        }
        return out.toString();
    }

    /** Part of a run of Latin letters (an e-mail address, a URL): left alone. */
    private static boolean isLatinWord(StringBuilder s, int i) {
        boolean left = i > 0 && isLatin(s.charAt(i - 1));
        boolean right = i + 1 < s.length() && isLatin(s.charAt(i + 1));
        return left || right;
    }

    private static boolean isLatin(char c) {
        return c < 128 && Character.isLetter(c);
    }

    private static boolean isThai(char c) {
        return c >= '\u0e01' && c <= '\u0e4f';
    }

    private static boolean isThaiDigit(char c) {
        return c >= '๐' && c <= '๙';
    }

    private static boolean isBorder(String l) {
        return l.replaceAll("[_‾.'`,|\\-\\s]", "").isEmpty();
    }

    private static String clean(String l) {
        return l.replace("|", " ").strip();
    }

    private static String spaces(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static int arabic(String thaiDigits) {
        return Integer.parseInt(ThaiText.arabicDigits(thaiDigits));
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The fields as the samples' {@code .expected.json} name them, for comparing. */
    public static Map<String, Object> asMap(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", p.number());
        m.put("dateThai", p.dateThai());
        m.put("dateIso", p.dateIso());
        m.put("fromAgency", p.fromAgency());
        m.put("subject", p.subject());
        m.put("salutation", p.salutation());
        m.put("to", p.to());
        m.put("references", p.references());
        m.put("enclosures", p.enclosures());
        m.put("signatoryName", p.signatoryName());
        m.put("signatoryPosition", p.signatoryPosition());
        m.put("ownerUnit", p.ownerUnit());
        m.put("phone", p.phone());
        m.put("email", p.email());
        m.put("urgency", p.urgency());
        List<Map<String, Object>> stamps = new ArrayList<>();
        for (Stamp s : p.receiptStamps()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("agency", s.agency());
            sm.put("receiptNumber", s.receiptNumber());
            sm.put("dateIso", s.dateIso());
            sm.put("time", s.time());
            stamps.add(sm);
        }
        m.put("receiptStamps", stamps);
        return m;
    }
}
