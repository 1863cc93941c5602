package org.saraban.signing.render;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Page geometry of the forms, in points. Letters are A4 portrait, registers A4 landscape. */
final class A4 {

    static final float CM = 72f / 2.54f;
    static final PDRectangle PORTRAIT = PDRectangle.A4;
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    /** Left and right margins as the government's letter templates set them: 3 cm and 2 cm. */
    static final float LEFT = 3 * CM;
    static final float RIGHT_MARGIN = 2 * CM;
    static final float BOTTOM_MARGIN = 2 * CM;

    private A4() {
    }

    static float cm(float centimetres) {
        return centimetres * CM;
    }
}
