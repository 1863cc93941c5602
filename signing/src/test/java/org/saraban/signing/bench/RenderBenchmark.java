package org.saraban.signing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.saraban.signing.render.FontSet;
import org.saraban.signing.render.FormKind;
import org.saraban.signing.render.Issuer;
import org.saraban.signing.render.LetterForm;
import org.saraban.signing.render.LetterRenderer;
import org.saraban.signing.render.OwnerUnit;
import org.saraban.signing.render.RenderedPdf;
import org.saraban.signing.render.Signatory;

/**
 * Pages rendered per second on one thread, for a typical two-page external letter, printed next to
 * two baselines measured in the same run on the same pages: PDFBox's own {@code showText} of the same
 * Thai lines in the same embedded font (unshaped, so wrong, DESIGN.md §5: the cost floor of the
 * library for this text) and of as many Latin lines in a standard font (nothing embedded). A harness,
 * not a test: run it with
 *
 * <pre>./mvnw -pl signing -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.saraban.signing.bench.RenderBenchmark</pre>
 *
 * Optional arguments: warm-up seconds and measured seconds (default 5 and 10).
 */
public final class RenderBenchmark {

    /** PDFBox logs each substitute for the unembedded Helvetica of the Latin baseline; held so it stays quiet. */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchOut out = BenchOut.open()) {
            run(args);
        }
    }

    static void run(String[] args) {
        PDFBOX.setLevel(Level.SEVERE);
        double warmUp = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        LetterRenderer renderer = new LetterRenderer();
        LetterForm letter = letter();
        int pages = renderer.render(letter).pages();
        if (pages != 2) {
            throw new IllegalStateException("the benchmark letter should fill two pages, it fills " + pages);
        }
        List<String> thaiLines = lines(letter, 24 * pages);

        IntSupplier ours = () -> renderer.render(letter).pages();
        IntSupplier showText = () -> showText(thaiLines, pages, false);
        IntSupplier latin = () -> showText(thaiLines, pages, true);

        System.out.printf(Locale.ROOT, "one thread, %s, %d-page external letter, warm-up %.0f s, measured %.0f s%n",
                Runtime.version(), pages, warmUp, measure);
        report("Saraban LetterRenderer (shaped Thai, ActualText, layout)", ours, warmUp, measure);
        report("baseline: PDFBox showText, same Thai lines, embedded Sarabun subset", showText, warmUp, measure);
        report("baseline: PDFBox showText, Latin lines, Helvetica (not embedded)", latin, warmUp, measure);
    }

    private static void report(String what, IntSupplier render, double warmUp, double measure) {
        run(render, warmUp);
        long start = System.nanoTime();
        long pages = run(render, measure);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-72s %8.1f pages/s%n", what, pages / seconds);
    }

    /** Renders for {@code seconds}; returns the pages rendered. */
    private static long run(IntSupplier render, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long pages = 0;
        while (System.nanoTime() < end) {
            pages += render.getAsInt();
        }
        return pages;
    }

    private static int showText(List<String> lines, int pages, boolean latin) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var font = latin ? new PDType1Font(Standard14Fonts.FontName.HELVETICA)
                    : PDType0Font.load(doc, FontSet.bundled().regular().open(), true, false);
            int perPage = lines.size() / pages;
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 16);
                    cs.newLineAtOffset(85, 780);
                    for (String line : lines.subList(p * perPage, (p + 1) * perPage)) {
                        cs.showText(latin ? "x".repeat(line.length()) : line);
                        cs.newLineAtOffset(0, -29.6f);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letter's text in pieces of a line's length, as many as the pages hold. */
    private static List<String> lines(LetterForm letter, int count) {
        String all = String.join(" ", letter.body());
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < count; i = (i + 70) % (all.length() - 70)) {
            lines.add(all.substring(i, i + 70));
        }
        return lines;
    }

    /** An invitation as sample letter 01, a little shorter: two pages with heading, body, signature and foot. */
    static LetterForm letter() {
        return new LetterForm(FormKind.EXTERNAL, "ด่วน", null,
                new Issuer("สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)",
                        "๑๐๘ อาคารบางกอกไทยทาวเวอร์ ชั้น ๑๗ ถนนรางน้ำ แขวงถนนพญาไท เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐"),
                "สพร ๒๕๖๘/๓๑๗", "๔ มีนาคม ๒๕๖๘",
                "ขอเชิญผู้แทนเข้าร่วมประชุมคณะกรรมการขับเคลื่อนระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ ครั้งที่ ๒/๒๕๖๘", "เรียน",
                List.of("เลขาธิการคณะกรรมการพัฒนาระบบราชการ"),
                List.of("คำสั่งสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) ที่ ๑๕/๒๕๖๘ ลงวันที่ ๒๐ มกราคม ๒๕๖๘"),
                List.of("ระเบียบวาระการประชุม จำนวน ๑ ชุด"),
                List.of("ตามคำสั่งที่อ้างถึง สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) ได้มีคำสั่งแต่งตั้งคณะกรรมการขับเคลื่อน"
                                + "ระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ โดยมีผู้แทนสำนักงานคณะกรรมการพัฒนาระบบราชการร่วมเป็นกรรมการ"
                                + " เพื่อกำกับและติดตามการดำเนินโครงการนำร่องการรับส่งหนังสือราชการระหว่างหน่วยงานของรัฐ"
                                + "ผ่านระบบสารบรรณอิเล็กทรอนิกส์ ความละเอียดแจ้งแล้ว นั้น",
                        "ในการนี้ สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) กำหนดจัดการประชุมคณะกรรมการขับเคลื่อน"
                                + "ระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ ครั้งที่ ๒/๒๕๖๘ ในวันอังคารที่ ๑๘ มีนาคม ๒๕๖๘ เวลา ๐๙.๓๐ น."
                                + " ณ ห้องประชุม ๑๗๐๑ ชั้น ๑๗ อาคารบางกอกไทยทาวเวอร์ จึงขอเชิญผู้แทนสำนักงานคณะกรรมการ"
                                + "พัฒนาระบบราชการเข้าร่วมประชุม",
                        "จึงเรียนมาเพื่อโปรดพิจารณา และขอขอบคุณมา ณ โอกาสนี้"),
                "ขอแสดงความนับถือ", Signatory.of("นายชยพล ธรรมวัฒนา", "ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล"),
                new OwnerUnit("ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ", "๐ ๒๖๑๒ ๖๐๐๐ ต่อ ๒๓๑๔", "๐ ๒๖๑๒ ๖๐๑๑",
                        "esaraban-pilot@dga.or.th"),
                List.of());
    }
}
