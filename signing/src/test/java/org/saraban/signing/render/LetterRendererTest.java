package org.saraban.signing.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterRendererTest {

    private static final float CM = 72f / 2.54f;

    private final LetterRenderer renderer = new LetterRenderer();

    private static LetterForm sample(String prefix) {
        return SampleLetters.files().stream()
                .filter(f -> f.getFileName().toString().startsWith(prefix))
                .map(f -> SampleLetters.form(SampleLetters.json(f)))
                .findFirst().orElseThrow();
    }

    @Test
    void a_letter_of_several_pages_numbers_pages_after_the_first_and_names_the_next_page_at_each_foot() {
        RenderedPdf pdf = renderer.render(sample("01"));
        assertThat(pdf.pages()).isGreaterThanOrEqualTo(2);

        assertThat(Pdfs.pageText(pdf.pdf(), 1)).doesNotContain("- ๑ -");
        for (int page = 1; page < pdf.pages(); page++) {
            String thisPage = Pdfs.pageText(pdf.pdf(), page);
            String nextPage = Pdfs.pageText(pdf.pdf(), page + 1);
            assertThat(nextPage.lines().findFirst().orElseThrow().strip())
                    .as("page number at the top of page %d", page + 1)
                    .isEqualTo("- " + Numerals.THAI.format(page + 1) + " -");

            List<String> lines = thisPage.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            Matcher foot = Pattern.compile("/(.+)\\.\\.\\.").matcher(lines.get(lines.size() - 1));
            assertThat(foot.matches()).as("continuation words at the foot of page %d: %s", page, lines).isTrue();
            String nextContent = Pdfs.readerText(pdf.pdf(), page + 1).strip();
            assertThat(nextContent).as("page %d begins with its continuation words", page + 1).startsWith(foot.group(1));
        }
        assertThat(Pdfs.pageText(pdf.pdf(), pdf.pages())).doesNotContainPattern("/.+\\.\\.\\.\\s*$");
    }

    @Test
    void continuation_words_are_the_first_words_of_the_next_page() {
        assertThat(LetterRenderer.continuation("ในการนี้ สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)")).isEqualTo("/ในการนี้...");
        // a number alone names nothing: the word after it comes along
        assertThat(LetterRenderer.continuation("๒. การดำเนินการส่งข้อมูลตามข้อ ๑")).isEqualTo("/๒. การ...");
        assertThat(LetterRenderer.continuation("ราชการร่วมเป็นกรรมการ เพื่อกำกับ")).isEqualTo("/ราชการ...");
    }

    @Test
    void secrecy_marks_stand_red_at_32_pt_at_the_top_and_foot_of_every_page_and_urgency_on_the_first() {
        RenderedPdf pdf = renderer.render(sample("03"));
        for (int page = 1; page <= pdf.pages(); page++) {
            List<Pdfs.Styled> marks = Pdfs.styled(pdf.pdf(), page).stream()
                    .filter(s -> s.text().equals("ลับ") && red(s)).toList();
            assertThat(marks).as("ลับ in red twice on page %d", page).hasSize(2);
            assertThat(marks).allSatisfy(m -> assertThat(m.size()).isGreaterThanOrEqualTo(32f));
            BufferedImage img = Pdfs.render(pdf.pdf(), page - 1, 50);
            int band = Math.round(2.5f * CM * 50 / 72);
            assertThat(redPixels(img, 0, band)).as("red at the top centre of page %d", page).isGreaterThan(20);
            assertThat(redPixels(img, img.getHeight() - band, img.getHeight()))
                    .as("red at the foot centre of page %d", page).isGreaterThan(20);
        }
        assertThat(urgency(pdf, 1)).isEqualTo("ด่วนที่สุด");
        assertThat(urgency(pdf, 2)).isEmpty();
    }

    /** The red text of 32 pt or more on a page other than the secrecy marks. */
    private static String urgency(RenderedPdf pdf, int page) {
        return Pdfs.styled(pdf.pdf(), page).stream()
                .filter(s -> red(s) && s.size() >= 32f && !s.text().equals("ลับ"))
                .map(Pdfs.Styled::text).collect(java.util.stream.Collectors.joining());
    }

    private static boolean red(Pdfs.Styled s) {
        return java.util.Arrays.equals(s.rgb(), new float[] {1f, 0f, 0f});
    }

    /** Red pixels in the middle third of the rows {@code [top, bottom)}. */
    private static int redPixels(BufferedImage img, int top, int bottom) {
        int n = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = img.getWidth() / 3; x < img.getWidth() * 2 / 3; x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb >> 16 & 0xFF) > 200 && (rgb >> 8 & 0xFF) < 80 && (rgb & 0xFF) < 80) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void a_letter_without_marks_has_no_red_text() {
        RenderedPdf pdf = renderer.render(sample("12"));
        assertThat(Pdfs.styled(pdf.pdf(), 1)).isNotEmpty().noneMatch(LetterRendererTest::red);
    }

    @Test
    void the_fonts_are_embedded_and_an_agencys_own_font_file_replaces_them(@TempDir Path dir) throws IOException {
        assertThat(fontNames(renderer.render(sample("01")).pdf())).allMatch(n -> n.matches("[A-Z]{6}\\+Sarabun-(Regular|Bold)"));

        // stand-in for an agency's THSarabunNew.ttf: a different face from the bundled regular one
        Path agencyFont = dir.resolve("THSarabunAgency.ttf");
        try (InputStream in = FontSet.class.getResourceAsStream("fonts/Sarabun-Bold.ttf")) {
            Files.write(agencyFont, in.readAllBytes());
        }
        LetterRenderer agency = new LetterRenderer(RenderConfig.defaults().withFonts(FontSet.of(agencyFont, null)));
        RenderedPdf pdf = agency.render(sample("01"));

        assertThat(fontNames(pdf.pdf())).isNotEmpty().allMatch(n -> n.endsWith("+Sarabun-Bold"));
        assertThat(Pdfs.joined(Pdfs.readerText(pdf.pdf()))).contains(sample("01").body().get(0));
    }

    @Test
    void a_font_file_that_cannot_set_thai_is_refused_naming_the_file(@TempDir Path dir) throws IOException {
        Path notAFont = Files.writeString(dir.resolve("sarabun.ttf"), "not a font", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FontSet.of(notAFont, null))
                .isInstanceOf(org.saraban.signing.render.text.FontNotUsableException.class)
                .hasMessageContaining(notAFont.toString());
    }

    @Test
    void the_agencys_emblem_image_is_drawn_3_cm_high_on_garuda_forms_and_1_5_cm_on_memos() throws IOException {
        BufferedImage seal = new BufferedImage(120, 150, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(seal, "png", png);
        LetterRenderer agency = new LetterRenderer(RenderConfig.defaults().withEmblem(Emblem.image(png.toByteArray())));

        byte[] external = agency.render(sample("01")).pdf();
        assertThat(images(external)).hasSize(1);
        assertThat(drawnImageHeight(external)).isCloseTo(3 * CM, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(drawnImageHeight(agency.render(sample("04")).pdf())).isCloseTo(1.5f * CM,
                org.assertj.core.data.Offset.offset(0.01f));
        assertThat(images(agency.render(sample("11")).pdf())).as("minutes carry no emblem").isEmpty();

        assertThat(images(renderer.render(sample("01")).pdf())).as("the placeholder is drawn, not an image").isEmpty();
        assertThatThrownBy(() -> Emblem.image("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_letter_renders_to_the_same_bytes() {
        LetterForm form = sample("03");
        assertThat(renderer.render(form).pdf()).isEqualTo(renderer.render(form).pdf());
    }

    @Test
    void one_renderer_serves_many_threads_at_once() throws Exception {
        List<LetterForm> forms = SampleLetters.files().stream().map(f -> SampleLetters.form(SampleLetters.json(f))).toList();
        List<byte[]> alone = forms.stream().map(f -> renderer.render(f).pdf()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> together = new ArrayList<>();
            for (LetterForm f : forms) {
                together.add(pool.submit(() -> renderer.render(f).pdf()));
            }
            for (int i = 0; i < forms.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void arabic_numerals_on_request_for_what_the_renderer_numbers_itself() {
        LetterRenderer arabic = new LetterRenderer(RenderConfig.defaults().withNumerals(Numerals.ARABIC));
        RenderedPdf pdf = arabic.render(sample("01"));
        assertThat(Pdfs.pageText(pdf.pdf(), 2)).contains("- 2 -");
        assertThat(Pdfs.readerText(pdf.pdf())).contains("1. ระเบียบวาระการประชุม");
    }

    @Test
    void the_signature_box_is_the_space_above_the_signatorys_name() {
        RenderedPdf pdf = renderer.render(sample("01"));
        RenderedPdf.SignatureBox box = pdf.signature();
        assertThat(box.page()).isEqualTo(pdf.pages() - 1);
        assertThat(box.height()).isGreaterThan(1.5f * CM);
        assertThat(renderer.render(sample("09")).signature()).as("a statement goes out unsigned").isNull();
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Pdfs.load(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources r = page.getResources();
                for (COSName n : r.getFontNames()) {
                    PDFont f = r.getFont(n);
                    names.add(f.getName());
                    assertThat(f.isEmbedded()).isTrue();
                }
            }
        }
        return names.stream().distinct().toList();
    }

    private static List<PDImageXObject> images(byte[] pdf) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        try (PDDocument doc = Pdfs.load(pdf)) {
            PDResources r = doc.getPage(0).getResources();
            for (COSName n : r.getXObjectNames()) {
                if (r.getXObject(n) instanceof PDImageXObject img) {
                    out.add(img);
                }
            }
        }
        return out;
    }

    /** Height of the image as the first page's content stream places it ({@code w 0 0 h x y cm /Im Do}). */
    private static float drawnImageHeight(byte[] pdf) throws IOException {
        try (PDDocument doc = Pdfs.load(pdf); InputStream in = doc.getPage(0).getContents()) {
            String content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher m = Pattern.compile("q ([\\d.]+) 0 0 ([\\d.]+) [\\d.]+ [\\d.]+ cm /\\w+ Do Q").matcher(content);
            assertThat(m.find()).isTrue();
            return Float.parseFloat(m.group(2));
        }
    }
}
