package org.saraban.signing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared sample letters ({@code ../shared/samples/letters}, described in its README) as
 * {@link LetterForm}s: the shape of those files mapped the way the web layer maps a letter.
 */
public final class SampleLetters {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples name agencies by letter code; the form prints the full name and address. */
    private static final Map<String, Issuer> AGENCIES = Map.of(
            "สพร", new Issuer("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
                    "๑๐๘ อาคารบางกอกไทยทาวเวอร์ ชั้น ๑๗ ถนนรางน้ำ แขวงถนนพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐"),
            "นร ๐๕", new Issuer("สำนักเลขาธิการคณะรัฐมนตรี", "ทำเนียบรัฐบาล ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ ๑๐๓๐๐"),
            "นร ๑๑", new Issuer("สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ",
                    "๙๖๒ ถนนกรุงเกษม แขวงวัดโสมนัส เขตป้อมปราบศัตรูพ่าย กรุงเทพฯ ๑๐๑๐๐"),
            "นร ๑๒", new Issuer("สำนักงานคณะกรรมการพัฒนาระบบราชการ", "ถนนพิษณุโลก แขวงดุสิต เขตดุสิต กรุงเทพฯ ๑๐๓๐๐"),
            "มท ๐๓", new Issuer("กรมการปกครอง", "ถนนอัษฎางค์ แขวงวังบูรพาภิรมย์ เขตพระนคร กรุงเทพฯ ๑๐๒๐๐"));

    private SampleLetters() {
    }

    static Path directory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path sibling = p.resolveSibling("shared").resolve("samples/letters");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("../shared/samples/letters not found beside the repository");
    }

    static Path thaiMarks() {
        return directory().resolveSibling("thai-marks.txt");
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LetterForm form(JsonNode s) {
        JsonNode unit = s.get("ownerUnit");
        JsonNode signatory = s.get("signatory");
        return new LetterForm(
                FormKind.valueOf(s.get("kind").asText()),
                switch (s.get("urgency").asText()) {
                    case "URGENT" -> "ด่วน";
                    case "VERY_URGENT" -> "ด่วนมาก";
                    case "MOST_URGENT" -> "ด่วนที่สุด";
                    default -> null;
                },
                switch (s.get("secrecy").asText()) {
                    case "SECRET" -> "ลับ";
                    case "VERY_SECRET" -> "ลับมาก";
                    case "MOST_SECRET" -> "ลับที่สุด";
                    default -> null;
                },
                AGENCIES.get(s.get("fromAgency").asText()),
                text(s, "number"),
                text(s, "dateThai"),
                text(s, "subject"),
                text(s, "salutation"),
                list(s, "to"),
                list(s, "references"),
                list(s, "enclosures"),
                list(s, "body"),
                text(s, "closing"),
                signatory == null || signatory.isNull() ? null
                        : Signatory.of(signatory.get("name").asText(), signatory.get("position").asText()),
                unit == null || unit.isNull() ? null
                        : new OwnerUnit(text(unit, "name"), text(unit, "phone"), text(unit, "fax"), text(unit, "email")),
                list(s, "copiesTo"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.get(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
