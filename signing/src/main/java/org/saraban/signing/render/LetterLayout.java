package org.saraban.signing.render;

import java.util.ArrayList;
import java.util.List;

import org.saraban.signing.render.FormKind.EmblemPlacement;
import org.saraban.signing.render.page.Align;
import org.saraban.signing.render.page.Flow;
import org.saraban.signing.render.page.Graphic;
import org.saraban.signing.render.page.Ink;
import org.saraban.signing.render.page.Piece;
import org.saraban.signing.render.page.Row;
import org.saraban.signing.render.page.TextStyle;

/**
 * Lays a letter out as its kind's form prints it (DOMAIN.md §1.3): the first page's heading (emblem,
 * urgency mark, memo title) at fixed places, and everything after it as a flow of rows for the
 * paginator. Positions not fixed by the regulation follow the government's Word templates: date and
 * closing from the middle of the page, the signature block centred under the closing.
 */
final class LetterLayout {

    static final float WIDTH = A4.PORTRAIT.getWidth();
    static final float HEIGHT = A4.PORTRAIT.getHeight();
    static final float LEFT = A4.LEFT;
    static final float RIGHT = WIDTH - A4.RIGHT_MARGIN;
    static final float TEXT_WIDTH = RIGHT - LEFT;
    /** Official letters are set at 16 pt (Cabinet resolution of 7 Sep 2553, DOMAIN.md §7). */
    static final float BODY_SIZE = 16f;
    /** Urgency and secrecy marks: red, no smaller than 32 pt (DOMAIN.md §1.4). */
    static final float MARK_SIZE = 32f;
    /** The memo form's headings: บันทึกข้อความ large, its field labels (ส่วนราชการ, ที่, …) in between. */
    static final float MEMO_TITLE_SIZE = 29f;
    static final float MEMO_LABEL_SIZE = 20f;
    /** Top of the emblem: 1.5 cm from the edge; a secret letter's class mark takes the band above. */
    static final float EMBLEM_TOP = A4.cm(1.5f);
    static final float SECRET_BAND = A4.cm(0.6f);

    private static final float INDENT = A4.cm(2.5f);
    private static final float DATE_X = LEFT + A4.cm(7.5f);
    private static final float ISSUER_X = LEFT + A4.cm(8f);
    private static final float MEMO_DATE_X = LEFT + A4.cm(8f);
    static final float SIGNATURE_CENTRE = LEFT + A4.cm(9.25f);
    static final float SIGNATURE_BOX_WIDTH = A4.cm(7f);
    private static final float LABEL_GAP = A4.cm(0.4f);
    /** Between the blocks of the heading, and before each paragraph. */
    private static final float SPACE = 6f;

    final LetterForm form;
    final RenderConfig config;
    final TextStyle regular;
    final TextStyle bold;
    final TextStyle mark;
    final Flow flow = new Flow();
    /** First-page pieces at fixed places: urgency mark, memo title. */
    final List<Fixed> heading = new ArrayList<>();
    final float top;
    float emblemX;
    float emblemHeight;
    float flowTop;
    Row signatureRow;
    float signatureSpace;

    record Fixed(Piece piece, float baselineFromTop) {
    }

    private LetterLayout(LetterForm form, RenderConfig config) {
        this.form = form;
        this.config = config;
        this.regular = new TextStyle(config.fonts().regular(), BODY_SIZE, Ink.BLACK);
        this.bold = new TextStyle(config.fonts().bold(), BODY_SIZE, Ink.BLACK);
        this.mark = new TextStyle(config.fonts().bold(), MARK_SIZE, Ink.RED);
        this.top = EMBLEM_TOP + (form.secrecy() == null ? 0 : SECRET_BAND);
    }

    static LetterLayout of(LetterForm form, RenderConfig config) {
        LetterLayout l = new LetterLayout(form, config);
        l.heading();
        switch (form.kind()) {
            case EXTERNAL -> l.external();
            case INTERNAL -> l.internal();
            case STAMPED -> l.stamped();
            case ORDER -> l.directive("สั่ง ณ วันที่ ");
            case REGULATION, BYLAW, ANNOUNCEMENT -> l.directive("ประกาศ ณ วันที่ ");
            case STATEMENT, NEWS -> l.release();
            case CERTIFICATE -> l.certificate();
            case MINUTES -> l.minutes();
            case MEMO -> l.memo();
        }
        return l;
    }

    // ---- the first page's heading -------------------------------------------------------------

    private void heading() {
        EmblemPlacement placement = form.kind().emblem();
        emblemHeight = A4.cm(placement.heightCm);
        boolean urgent = form.urgency() != null && !form.urgency().isBlank();
        switch (placement) {
            case CENTRE -> {
                emblemX = (WIDTH - config.emblem().width(emblemHeight)) / 2;
                flowTop = top + emblemHeight + A4.cm(0.15f);
                if (urgent) {
                    fixed(form.urgency(), mark, Align.LEFT, top + A4.cm(2.2f));
                }
            }
            case TOP_LEFT -> {
                // memo paper: the small emblem top left, the form's name centred beside it, so the urgency
                // mark goes to the right-hand side of that band
                emblemX = LEFT;
                TextStyle title = new TextStyle(config.fonts().bold(), MEMO_TITLE_SIZE, Ink.BLACK);
                fixed(form.kind().title(), title, Align.CENTRE, top + emblemHeight - A4.cm(0.2f));
                if (urgent) {
                    fixed(form.urgency(), mark, Align.RIGHT, top + emblemHeight - A4.cm(0.2f));
                }
                flowTop = top + emblemHeight + A4.cm(0.3f);
            }
            case NONE -> {
                flowTop = top;
                if (urgent) {
                    fixed(form.urgency(), mark, Align.LEFT, top + A4.cm(1.1f));
                    flowTop = top + A4.cm(1.5f);
                }
            }
        }
    }

    private void fixed(String text, TextStyle style, Align align, float baselineFromTop) {
        for (Piece p : Flow.lines(text, style, LEFT, TEXT_WIDTH, 0, align)) {
            heading.add(new Fixed(p, baselineFromTop));
            baselineFromTop += style.lineHeight();
        }
    }

    // ---- the kinds ------------------------------------------------------------------------------

    /** Form 1 (DOMAIN.md §1.3, in page order). */
    private void external() {
        numberAndIssuer();
        dateLine(form.date());
        labelled("เรื่อง", form.subject());
        items(salutationOr("เรียน"), form.to(), false);
        items("อ้างถึง", form.references(), true);
        items("สิ่งที่ส่งมาด้วย", form.enclosures(), true);
        body();
        signature(null, form.closing(), List.of());
        ownerUnit();
        items("สำเนาส่ง", form.copiesTo(), false);
    }

    /** Form 2, บันทึกข้อความ: ส่วนราชการ with its phone, ที่ and วันที่ on one line, เรื่อง, on dotted lines. */
    private void internal() {
        TextStyle label = new TextStyle(config.fonts().bold(), MEMO_LABEL_SIZE, Ink.BLACK);
        OwnerUnit unit = form.ownerUnit();
        String unitLine = unit == null ? form.issuer().name() : unit.name()
                + contact(" โทร. ", unit.phone()) + contact(" โทรสาร ", unit.fax())
                + contact(" ไปรษณีย์อิเล็กทรอนิกส์ ", unit.email());
        memoField(label, "ส่วนราชการ", unitLine, LEFT, RIGHT, 0);

        int mark = flow.mark();
        float numberX = LEFT + width("ที่", label) + LABEL_GAP;
        float dateX = MEMO_DATE_X + width("วันที่", label) + LABEL_GAP;
        flow.columns(SPACE,
                Flow.lines("ที่", label, LEFT, numberX - LEFT, 0, Align.LEFT),
                Flow.lines(orEmpty(form.number()), regular, numberX, MEMO_DATE_X - LABEL_GAP - numberX, 0, Align.LEFT),
                Flow.lines("วันที่", label, MEMO_DATE_X, dateX - MEMO_DATE_X, 0, Align.LEFT),
                Flow.lines(orEmpty(form.date()), regular, dateX, RIGHT - dateX, 0, Align.LEFT));
        flow.decorate(mark, Graphic.dotted(numberX, MEMO_DATE_X - LABEL_GAP, -3));
        flow.decorate(mark, Graphic.dotted(dateX, RIGHT, -3));

        memoField(label, "เรื่อง", orEmpty(form.subject()), LEFT, RIGHT, SPACE);
        items(salutationOr("เรียน"), form.to(), false);
        body();
        signature(null, form.closing(), List.of());
        items("สำเนาส่ง", form.copiesTo(), false);
    }

    /**
     * Form 3 (ข้อ ๑๓): the agency's name stamp in red stands where a signature would, initialled by the
     * official named under it, then the date and the owner unit with its phone.
     */
    private void stamped() {
        numberAndIssuer();
        items(salutationOr("ถึง"), form.to(), false);
        body();

        int mark = flow.mark();
        flow.keepLastWithNext(2);
        TextStyle stamp = bold.withInk(Ink.RED);
        List<Piece> name = Flow.lines(form.issuer().name(), stamp, SIGNATURE_CENTRE - SIGNATURE_BOX_WIDTH / 2,
                SIGNATURE_BOX_WIDTH, 0, Align.CENTRE);
        flow.paragraph(name, regular.lineHeight() / 2);
        float h = stamp.lineHeight();
        float w = 0;
        for (Piece p : name) {
            w = Math.max(w, p.line().width());
        }
        float pad = A4.cm(0.3f);
        flow.decorate(flow.mark() - 1, Graphic.frame(SIGNATURE_CENTRE - w / 2 - pad, -0.45f * BODY_SIZE - pad,
                w + 2 * pad, (name.size() - 1) * h + 1.45f * BODY_SIZE + 2 * pad, Ink.RED));
        if (form.signatory() != null) {
            signatoryLines(form.signatory(), SPACE * 2);
        }
        if (form.date() != null) {
            flow.paragraph(signatureColumn(form.date()), SPACE);
        }
        flow.keepTogether(mark);
        ownerUnit();
        items("สำเนาส่ง", form.copiesTo(), false);
    }

    /**
     * Orders (form 4), regulations, by-laws and announcements: the kind and issuer as a heading, ที่ and
     * เรื่อง centred under it, a short rule, the text, then "สั่ง ณ วันที่" or "ประกาศ ณ วันที่" and the
     * signature.
     */
    private void directive(String datePreface) {
        centred(form.kind().title() + form.issuer().name(), bold, 0);
        if (form.number() != null) {
            centred("ที่ " + form.number(), bold, 0);
        }
        if (form.subject() != null) {
            boolean titled = form.kind() == FormKind.REGULATION || form.kind() == FormKind.BYLAW;
            // a regulation's subject is its "ว่าด้วย…" title, printed as it is
            centred(titled ? form.subject() : "เรื่อง " + form.subject(), bold, 0);
        }
        rule();
        body();
        signature(form.date() == null ? null : datePreface + form.date(), form.closing(), List.of());
    }

    /** แถลงการณ์ and ข่าว go out in the agency's name: issuer and date close them, a signature only if given. */
    private void release() {
        centred(form.kind().title() + form.issuer().name(), bold, 0);
        if (form.subject() != null) {
            centred("เรื่อง " + form.subject(), bold, 0);
        }
        if (form.number() != null) {
            centred(form.number(), bold, 0);
        }
        rule();
        body();
        int mark = flow.mark();
        flow.keepLastWithNext(2);
        if (form.signatory() != null) {
            signature(null, form.closing(), List.of());
        }
        flow.paragraph(signatureColumn(form.issuer().name()), regular.lineHeight() / 2);
        if (form.date() != null) {
            flow.paragraph(signatureColumn(form.date()), 0);
        }
        flow.keepTogether(mark);
    }

    /** หนังสือรับรอง: ที่ and the issuer as on form 1, the title, the text, "ให้ไว้ ณ วันที่" and the signature. */
    private void certificate() {
        numberAndIssuer();
        centred(form.kind().title(), bold, regular.lineHeight() / 2);
        body();
        signature(form.date() == null ? null : "ให้ไว้ ณ วันที่ " + form.date(), form.closing(), List.of());
    }

    /** รายงานการประชุม (DOMAIN.md §4.1): title, ครั้งที่, เมื่อวันที่, the record, the minute-taker. */
    private void minutes() {
        String title = form.subject() == null ? form.kind().title() : form.subject();
        centred(title, bold, 0);
        if (form.number() != null && !title.contains(form.number())) {
            centred(form.number(), bold, 0);
        }
        if (form.date() != null) {
            centred("เมื่อวันที่ " + form.date(), bold, 0);
        }
        rule();
        body();
        signature(null, form.closing(), List.of("ผู้จดรายงานการประชุม"));
    }

    /** บันทึก: เรื่อง, the addressee, the text, the official who writes it and the date. */
    private void memo() {
        if (form.number() != null) {
            labelled("ที่", form.number());
        }
        labelled("เรื่อง", form.subject());
        items(salutationOr("เรียน"), form.to(), false);
        body();
        signature(null, form.closing(), form.date() == null ? List.of() : List.of(form.date()));
    }

    // ---- building blocks ------------------------------------------------------------------------

    /** ที่ on the left, the issuing agency's name and address on the right (forms 1 and 3). */
    private void numberAndIssuer() {
        String number = form.number() == null ? "ที่" : "ที่ " + form.number();
        Issuer issuer = form.issuer();
        String block = issuer.address() == null || issuer.address().isBlank()
                ? issuer.name() : issuer.name() + "\n" + issuer.address();
        flow.columns(0,
                Flow.lines(number, regular, LEFT, ISSUER_X - LABEL_GAP - LEFT, 0, Align.LEFT),
                Flow.lines(block, regular, ISSUER_X, RIGHT - ISSUER_X, 0, Align.LEFT));
    }

    private void dateLine(String date) {
        if (date != null) {
            flow.columns(SPACE, Flow.lines(date, regular, DATE_X, RIGHT - DATE_X, 0, Align.LEFT));
        }
    }

    /** A label with its value beside it; the value's further lines align under its first. */
    private void labelled(String label, String value) {
        if (value == null) {
            return;
        }
        float x = LEFT + width(label, regular) + LABEL_GAP;
        flow.columns(SPACE,
                Flow.lines(label, regular, LEFT, x - LEFT, 0, Align.LEFT),
                Flow.lines(value, regular, x, RIGHT - x, 0, Align.LEFT));
    }

    /** A memo field: bold label, value, and the form's dotted line under the value. */
    private void memoField(TextStyle label, String name, String value, float from, float to, float spaceBefore) {
        int mark = flow.mark();
        float x = from + width(name, label) + LABEL_GAP;
        flow.columns(spaceBefore,
                Flow.lines(name, label, from, x - from, 0, Align.LEFT),
                Flow.lines(value, regular, x, to - x, 0, Align.LEFT));
        flow.decorate(mark, Graphic.dotted(x, to, -3));
    }

    /**
     * A label and a list, one item under the other (addressees, อ้างถึง, สิ่งที่ส่งมาด้วย, สำเนาส่ง).
     * With {@code numbered} and more than one item they are numbered ๑. ๒. …; a single one is not.
     */
    private void items(String label, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        float x = LEFT + width(label, regular) + LABEL_GAP;
        boolean numbers = numbered && items.size() > 1;
        float numberWidth = numbers ? width(config.numerals().format(items.size()) + ". ", regular) : 0;
        for (int i = 0; i < items.size(); i++) {
            List<Piece> number = numbers
                    ? Flow.lines(config.numerals().format(i + 1) + ".", regular, x, numberWidth, 0, Align.LEFT)
                    : List.of();
            flow.columns(i == 0 ? SPACE : 0,
                    i == 0 ? Flow.lines(label, regular, LEFT, x - LEFT, 0, Align.LEFT) : List.of(),
                    number,
                    Flow.lines(items.get(i), regular, x + numberWidth, RIGHT - x - numberWidth, 0, Align.LEFT));
        }
    }

    /** Body paragraphs: first line indented 2.5 cm, justified. */
    private void body() {
        for (String paragraph : form.body()) {
            flow.paragraph(Flow.lines(paragraph, regular, LEFT, TEXT_WIDTH, INDENT, Align.JUSTIFY), SPACE);
        }
    }

    /**
     * The closing block: an optional dated line (สั่ง ณ วันที่ …), the closing, space to sign, the name
     * in parentheses, the position (acting lines as given), and lines after it. The block never starts
     * a page alone: the last two lines before it go with it.
     */
    private void signature(String preface, String closing, List<String> after) {
        int mark = flow.mark();
        flow.keepLastWithNext(2);
        if (preface != null) {
            flow.paragraph(signatureColumn(preface), regular.lineHeight() / 2);
        }
        if (closing != null) {
            flow.paragraph(signatureColumn(closing), regular.lineHeight() / 2);
        }
        if (form.signatory() != null) {
            signatoryLines(form.signatory(), 2 * regular.lineHeight());
        }
        for (String line : after) {
            flow.paragraph(signatureColumn(line), 0);
        }
        flow.keepTogether(mark);
    }

    private void signatoryLines(Signatory s, float space) {
        int nameRow = flow.mark();
        flow.paragraph(signatureColumn("(" + s.name() + ")"), space);
        signatureRow = flow.rows().get(nameRow);
        signatureSpace = space;
        for (String line : s.position()) {
            flow.paragraph(signatureColumn(line), 0);
        }
    }

    /** Lines centred on the signature axis, wrapped to stay inside the margins. */
    private List<Piece> signatureColumn(String text) {
        float half = Math.min(SIGNATURE_CENTRE - LEFT, RIGHT - SIGNATURE_CENTRE);
        return Flow.lines(text, regular, SIGNATURE_CENTRE - half, 2 * half, 0, Align.CENTRE);
    }

    /** ส่วนราชการเจ้าของเรื่อง with โทร. / โทรสาร / ไปรษณีย์อิเล็กทรอนิกส์, bottom left, kept together. */
    private void ownerUnit() {
        OwnerUnit unit = form.ownerUnit();
        if (unit == null) {
            return;
        }
        int mark = flow.mark();
        flow.columns(regular.lineHeight() / 2, Flow.lines(unit.name(), regular, LEFT, TEXT_WIDTH, 0, Align.LEFT));
        contactLine("โทร. ", unit.phone());
        contactLine("โทรสาร ", unit.fax());
        contactLine("ไปรษณีย์อิเล็กทรอนิกส์ ", unit.email());
        flow.keepTogether(mark);
    }

    private void contactLine(String label, String value) {
        if (value != null && !value.isBlank()) {
            flow.columns(0, Flow.lines(label + value, regular, LEFT, TEXT_WIDTH, 0, Align.LEFT));
        }
    }

    private void centred(String text, TextStyle style, float spaceBefore) {
        flow.columns(spaceBefore, Flow.lines(text, style, LEFT, TEXT_WIDTH, 0, Align.CENTRE));
    }

    /** The short rule under a directive's heading. */
    private void rule() {
        float centre = LEFT + TEXT_WIDTH / 2;
        float half = A4.cm(2f);
        flow.graphic(SPACE * 2, 0, Graphic.rule(centre - half, centre + half, SPACE, 0.6f));
    }

    private String salutationOr(String fallback) {
        return form.salutation() == null || form.salutation().isBlank() ? fallback : form.salutation();
    }

    private static String contact(String label, String value) {
        return value == null || value.isBlank() ? "" : label + value;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static float width(String text, TextStyle style) {
        return style.face().shape(text).width(style.size());
    }
}
