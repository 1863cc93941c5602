package org.saraban.signing.render.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.saraban.signing.pades.ReceiptStamp;
import org.saraban.signing.render.FontSet;
import org.saraban.signing.render.text.FontFace;

class ShapedAppearanceTextTest {

    private static final float[] BLUE = {0.1f, 0.2f, 0.6f};
    /** ReceiptStamp's box. */
    private static final PDRectangle STAMP = new PDRectangle(142, 71);

    private final ShapedAppearanceText text = ShapedAppearanceText.bundled(BLUE);

    @Test
    void lines_are_centred_one_under_another_inside_the_box_and_never_larger_than_the_letter() {
        List<String> lines = List.of("นร ๐๕", "เลขรับ ๑๒๓", "วันที่ ๒๓ พฤศจิกายน ๒๕๖๙", "เวลา ๐๙.๓๐ น.");
        ShapedAppearanceText.Layout layout = text.layout(STAMP, lines);

        assertThat(layout.lines()).extracting(ShapedAppearanceText.Placed::text).isEqualTo(lines);
        assertThat(layout.size()).isBetween(ShapedAppearanceText.MIN_UNWRAPPED_SIZE, ShapedAppearanceText.MAX_SIZE);
        float previous = STAMP.getHeight();
        for (ShapedAppearanceText.Placed line : layout.lines()) {
            float width = line.line().width();
            assertThat(line.x()).isGreaterThanOrEqualTo(ShapedAppearanceText.PADDING);
            assertThat(line.x() + width).isLessThanOrEqualTo(STAMP.getWidth() - ShapedAppearanceText.PADDING);
            assertThat(line.x() + width / 2).isCloseTo(STAMP.getWidth() / 2, within(0.01f));
            assertThat(line.baseline()).isLessThan(previous).isGreaterThan(ShapedAppearanceText.PADDING);
            previous = line.baseline();
        }
        // in a box a quarter narrower the widest line decides the size: it fills the width between the paddings
        PDRectangle narrow = new PDRectangle(STAMP.getWidth() * 3 / 4, STAMP.getHeight());
        ShapedAppearanceText.Layout shrunk = text.layout(narrow, lines);
        assertThat(shrunk.size()).isLessThan(layout.size());
        assertThat(shrunk.lines().get(2).line().width())
                .isCloseTo(narrow.getWidth() - 2 * ShapedAppearanceText.PADDING, within(0.05f));

        assertThat(text.layout(new PDRectangle(600, 300), lines).size()).isEqualTo(ShapedAppearanceText.MAX_SIZE);
    }

    @Test
    void a_line_that_would_need_less_than_8_pt_is_wrapped_at_a_word_boundary_into_even_lines() {
        String agency = "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)";
        List<String> lines = List.of(agency, "เลขรับ ๑๒๓", "วันที่ ๒๓ พ.ย. ๒๕๖๙", "เวลา ๐๙.๓๐ น.");
        ShapedAppearanceText.Layout layout = text.layout(STAMP, lines);

        assertThat(layout.size()).isGreaterThan(unwrappedSize(lines)).isGreaterThanOrEqualTo(ShapedAppearanceText.MIN_UNWRAPPED_SIZE);
        // greedy filling would leave มหาชน) alone on the second line
        assertThat(layout.lines()).extracting(ShapedAppearanceText.Placed::text).containsExactly(
                "สำนักงานพัฒนารัฐบาลดิจิทัล", "(องค์การมหาชน)", "เลขรับ ๑๒๓", "วันที่ ๒๓ พ.ย. ๒๕๖๙", "เวลา ๐๙.๓๐ น.");
        for (ShapedAppearanceText.Placed line : layout.lines()) {
            assertThat(line.line().width()).isLessThanOrEqualTo(STAMP.getWidth() - 2 * ShapedAppearanceText.PADDING);
        }
    }

    /** The size at which the widest of {@code lines} fills the stamp's width on one line. */
    private static float unwrappedSize(List<String> lines) {
        FontFace face = FontSet.bundled().regular();
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, face.shape(line).width(1f));
        }
        return (STAMP.getWidth() - 2 * ShapedAppearanceText.PADDING) / widest;
    }

    @Test
    void the_appearance_embeds_the_agencys_face_as_a_subset_with_a_to_unicode_map_in_its_colour() throws IOException {
        FontSet agency;
        try (InputStream bold = FontSet.class.getResourceAsStream("fonts/Sarabun-Bold.ttf")) {
            // stand-in for an agency's THSarabunNew.ttf: a face other than the bundled regular one
            agency = FontSet.of(bold, null);
        }
        byte[] stamped = new ReceiptStamp(new ShapedAppearanceText(agency, new float[] {0.8f, 0f, 0f}))
                .apply(blankPage(), new ReceiptStamp.Receipt("นร ๐๕", "๑๒๓", "๒๓ พ.ย. ๒๕๖๙", "๐๙.๓๐ น."));

        try (PDDocument document = Loader.loadPDF(stamped)) {
            PDFormXObject appearance = document.getPage(0).getAnnotations().get(0).getNormalAppearanceStream();
            List<PDFormXObject> forms = forms(appearance.getResources());
            assertThat(forms).hasSize(1);
            PDFormXObject drawn = forms.get(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : drawn.getResources().getFontNames()) {
                fonts.add(drawn.getResources().getFont(name));
            }
            assertThat(fonts).singleElement().satisfies(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getName()).matches("[A-Z]{6}\\+Sarabun-Bold");
                assertThat(font.isEmbedded()).isTrue();
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(font.getCOSObject().containsKey(COSName.TO_UNICODE)).isTrue();
            });
            String content = new String(drawn.getContentStream().toByteArray(), StandardCharsets.ISO_8859_1);
            assertThat(content).contains("0.8 0 0 rg", "0.8 0 0 RG", "/ActualText");
        }
    }

    @Test
    void a_colour_is_three_components_from_0_to_1() {
        assertThatThrownBy(() -> ShapedAppearanceText.bundled(new float[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShapedAppearanceText.bundled(new float[] {0, 0, 255}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<PDFormXObject> forms(PDResources resources) throws IOException {
        List<PDFormXObject> forms = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                forms.add(form);
            }
        }
        return forms;
    }

    private static byte[] blankPage() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(out);
            return out.toByteArray();
        }
    }
}
