package org.saraban.web.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.text.PDFTextStripper;
import org.saraban.web.WebTestSupport;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Reading the PDFs the API serves: fetch one, ask the public verifier about it, read its text and stamps. */
public abstract class PdfTestSupport extends WebTestSupport {

    /** {@code POST /api/verify} without logging in; the report. */
    protected JsonNode verify(byte[] pdf) throws Exception {
        MvcResult r = call(multipart("/api/verify").file(new MockMultipartFile("file", "letter.pdf",
                MediaType.APPLICATION_PDF_VALUE, pdf)));
        assertStatus(r, 200);
        return body(r);
    }

    protected byte[] pdf(String username, String path) throws Exception {
        MvcResult r = call(as(get(path), username));
        assertStatus(r, 200);
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PDF_VALUE);
        return r.getResponse().getContentAsByteArray();
    }

    /** The text as a reader would copy it: a line wrapped by the form joins without a space, as Thai is written. */
    protected static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\R", "");
        }
    }

    /** The contents of the rubber-stamp annotations on page 1. */
    protected static List<String> stamps(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getPage(0).getAnnotations().stream()
                    .filter(a -> a instanceof PDAnnotationRubberStamp)
                    .map(a -> a.getContents()).toList();
        }
    }
}
