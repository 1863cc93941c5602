package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Helpers for the acceptance tests of the HTTP contract: problem+json assertions, refusals that must
 * leave the event store untouched, uploads, and waits for the delivery policy to settle so that the
 * event count is stable before a refusal is measured. Same Spring context as {@link WebTestSupport}.
 */
public abstract class AcceptanceTestSupport extends WebTestSupport {

    /** The smallest file that passes the "is a PDF" check of {@code /api/letters/import}. */
    protected static final byte[] MINIMAL_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** A copy of {@link #externalLetter(String)} with fields replaced; a null value removes the field. */
    protected static Map<String, Object> externalLetterWith(String subject, Map<String, Object> changes) {
        Map<String, Object> letter = new LinkedHashMap<>(externalLetter(subject));
        changes.forEach((k, v) -> {
            if (v == null) {
                letter.remove(k);
            } else {
                letter.put(k, v);
            }
        });
        return letter;
    }

    protected static Map<String, Object> without(Map<String, Object> letter, String... fields) {
        Map<String, Object> copy = new LinkedHashMap<>(letter);
        for (String f : fields) {
            copy.remove(f);
        }
        return copy;
    }

    /** Asserts a problem+json response with this status and code, and returns its body. */
    protected JsonNode problem(MvcResult r, int status, String code) throws Exception {
        assertStatus(r, status);
        assertThat(r.getResponse().getContentType()).as("content type of a refusal")
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode body = body(r);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).as("problem code").isEqualTo(code);
        assertThat(body.has("type")).isTrue();
        assertThat(body.has("title")).isTrue();
        assertThat(body.path("errors").isArray()).as("errors[] is always present").isTrue();
        return body;
    }

    /** The field names of a problem's {@code errors[]}. */
    protected static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    /** The letter's {@code version} as {@code viewer} sees it. */
    protected long version(String viewer, String letterId) throws Exception {
        return getJson(viewer, "/api/letters/" + letterId, 200).get("version").asLong();
    }

    /**
     * Performs a request that must be refused with {@code status}/{@code code} and must store nothing:
     * the event count and the letter's version (as {@code viewer} sees it) are the same afterwards.
     */
    protected JsonNode refusedAndNothingStored(MockHttpServletRequestBuilder request, int status, String code,
                                               String letterId, String viewer) throws Exception {
        long eventsBefore = storedEvents();
        Long versionBefore = letterId == null ? null : version(viewer, letterId);
        JsonNode problem = problem(call(request), status, code);
        assertThat(storedEvents()).as("no event stored by a refused request").isEqualTo(eventsBefore);
        if (letterId != null) {
            assertThat(version(viewer, letterId)).as("letter version unchanged").isEqualTo(versionBefore);
        }
        return problem;
    }

    /** Uploads an enclosure through {@code POST /api/files}; returns its SHA-256. */
    protected String upload(String username, String fileName, String contentType, byte[] content) throws Exception {
        MvcResult r = call(as(multipart("/api/files").file(new MockMultipartFile("file", fileName, contentType, content)),
                username));
        assertStatus(r, 201);
        return body(r).get("sha256").asText();
    }

    /** {@code POST /api/letters/import} with a scan and the clerk's metadata. */
    protected MockHttpServletRequestBuilder importRequest(String username, byte[] scan, String scanType,
                                                          Map<String, Object> metadata) throws Exception {
        return as(multipart("/api/letters/import")
                .file(new MockMultipartFile("scan", "scan.pdf", scanType, scan))
                .file(new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(metadata))), username);
    }

    protected static Map<String, Object> paperLetterMetadata(String subject) {
        return Map.of("kind", "EXTERNAL", "number", "ศธ ๐๒๐๑/๑๒๓", "date", "2026-11-02",
                "fromAgency", "สำนักงานปลัดกระทรวงศึกษาธิการ", "subject", subject, "salutation", "เรียน",
                "to", List.of("เลขาธิการคณะรัฐมนตรี"), "channel", "PAPER");
    }

    /**
     * Waits until every delivery of the sender's letter has reached {@code status} (DELIVERED once the
     * copy exists, ACKNOWLEDGED once received), so that the delivery policy has nothing left to append.
     */
    protected void awaitDeliveries(String senderClerk, String letterId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode deliveries = getJson(senderClerk, "/api/letters/" + letterId, 200).get("deliveries");
            if (deliveries == null || deliveries.isEmpty()) {
                return false;
            }
            for (JsonNode d : deliveries) {
                if (!status.equals(d.path("status").asText())) {
                    return false;
                }
            }
            return true;
        });
    }
}
