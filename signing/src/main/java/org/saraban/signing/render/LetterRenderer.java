package org.saraban.signing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.saraban.signing.render.LetterLayout.Fixed;
import org.saraban.signing.render.RenderedPdf.SignatureBox;
import org.saraban.signing.render.page.Align;
import org.saraban.signing.render.page.Canvas;
import org.saraban.signing.render.page.Flow;
import org.saraban.signing.render.page.Paginator;
import org.saraban.signing.render.page.Paginator.Placed;
import org.saraban.signing.render.page.PdfPages;
import org.saraban.signing.render.page.Piece;
import org.saraban.signing.render.page.TextStyle;
import org.saraban.signing.render.text.LineBreaker;

/**
 * Renders a {@link LetterForm} to PDF in its kind's form: A4, the emblem, TH Sarabun-metric type at
 * 16 pt embedded and shaped for Thai, red urgency and secrecy marks, and on a letter of several pages
 * the page number ({@code - ๒ -}) at the top of each page after the first and the continuation words
 * ({@code /ในการนี้...}: the first words of the next page) at the foot of each page but the last.
 * Thread-safe; one instance serves the whole application.
 */
public final class LetterRenderer {

    private static final float HEIGHT = LetterLayout.HEIGHT;
    /** A secret letter's class mark stands at the foot too, below the text (DOMAIN.md §2). */
    private static final float SECRET_FOOT = A4.cm(0.6f);
    /** Continuation words name at least this many letters, so "๒." alone never stands for a page. */
    private static final int CONTINUATION_LETTERS = 3;
    /** A space-delimited phrase longer than this is cut at a word boundary for the continuation. */
    private static final int CONTINUATION_PHRASE = 12;

    private final RenderConfig config;

    public LetterRenderer() {
        this(RenderConfig.defaults());
    }

    public LetterRenderer(RenderConfig config) {
        this.config = config;
    }

    public RenderedPdf render(LetterForm form) {
        LetterLayout layout = LetterLayout.of(form, config);
        boolean secret = form.secrecy() != null && !form.secrecy().isBlank();
        TextStyle regular = layout.regular;
        float line = regular.lineHeight();
        float footBottom = HEIGHT - A4.BOTTOM_MARGIN - (secret ? SECRET_FOOT : 0);
        // the last line of every page but the last is kept for the continuation words
        float rowsBottom = footBottom - line;
        float pageNumberTop = layout.top - A4.cm(0.3f);
        List<List<Placed>> pages = Paginator.paginate(layout.flow.rows(), layout.flowTop,
                pageNumberTop + line + 6f, rowsBottom, footBottom);

        try (PdfPages pdf = new PdfPages()) {
            SignatureBox signature = null;
            for (int p = 0; p < pages.size(); p++) {
                Canvas c = pdf.newPage(A4.PORTRAIT);
                if (p == 0) {
                    firstPageHeading(c, pdf, layout);
                } else {
                    furniture(c, "- " + config.numerals().format(p + 1) + " -", regular, Align.CENTRE,
                            pageNumberTop + regular.face().baselineOffset(regular.size()));
                }
                for (Placed placed : pages.get(p)) {
                    placed.row().draw(c, HEIGHT - placed.baselineFromTop());
                    if (placed.row() == layout.signatureRow) {
                        float rowTop = placed.baselineFromTop() - placed.row().baselineOffset();
                        signature = new SignatureBox(p, LetterLayout.SIGNATURE_CENTRE - LetterLayout.SIGNATURE_BOX_WIDTH / 2,
                                HEIGHT - rowTop, LetterLayout.SIGNATURE_BOX_WIDTH, layout.signatureSpace);
                    }
                }
                if (p + 1 < pages.size()) {
                    String next = firstText(pages.get(p + 1));
                    if (next != null) {
                        furniture(c, continuation(next), regular, Align.RIGHT,
                                footBottom - line + regular.face().baselineOffset(regular.size()));
                    }
                }
                if (secret) {
                    float top = A4.cm(0.5f) + layout.mark.face().ascent(LetterLayout.MARK_SIZE);
                    furniture(c, form.secrecy(), layout.mark, Align.CENTRE, top);
                    furniture(c, form.secrecy(), layout.mark, Align.CENTRE, HEIGHT - A4.cm(0.9f));
                }
            }
            byte[] bytes = pdf.save(form.subject() == null ? form.kind().title() : form.subject());
            return new RenderedPdf(bytes, pages.size(), signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void firstPageHeading(Canvas c, PdfPages pdf, LetterLayout layout) throws IOException {
        if (layout.emblemHeight > 0) {
            config.emblem().draw(c, pdf.resources(), layout.emblemX, HEIGHT - layout.top - layout.emblemHeight,
                    layout.emblemHeight);
        }
        for (Fixed f : layout.heading) {
            f.piece().draw(c, HEIGHT - f.baselineFromTop());
        }
    }

    /** Page numbers, continuation words and class marks repeat on pages: artifacts, not content. */
    private static void furniture(Canvas c, String text, TextStyle style, Align align, float baselineFromTop) {
        c.beginArtifact();
        for (Piece p : Flow.lines(text, style, LetterLayout.LEFT, LetterLayout.TEXT_WIDTH, 0, align)) {
            p.draw(c, HEIGHT - baselineFromTop);
        }
        c.endMarkedContent();
    }

    private static String firstText(List<Placed> page) {
        for (Placed placed : page) {
            if (!placed.row().pieces().isEmpty()) {
                return placed.row().pieces().get(0).text();
            }
        }
        return null;
    }

    /**
     * The continuation words at a page's foot: "/" and the first words of the next page, then "..."
     * (the convention of the letters in ../shared/samples/legacy, DOMAIN.md being silent). Enough words
     * to name a few letters: a list number such as "๒." takes the word after it along.
     */
    static String continuation(String nextPageFirstLine) {
        StringBuilder words = new StringBuilder();
        for (String phrase : nextPageFirstLine.strip().split("\\s+")) {
            if (letters(words) >= CONTINUATION_LETTERS) {
                break;
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            if (phrase.length() <= CONTINUATION_PHRASE) {
                words.append(phrase);
                continue;
            }
            // a long run of Thai has no spaces: take its first dictionary words
            int[] breaks = LineBreaker.wordBreaks(phrase);
            int need = CONTINUATION_LETTERS - letters(words);
            int end = phrase.length();
            for (int b : breaks) {
                if (b > 0 && letters(phrase.substring(0, b)) >= need) {
                    end = b;
                    break;
                }
            }
            words.append(phrase, 0, end);
        }
        return "/" + words + "...";
    }

    private static int letters(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
