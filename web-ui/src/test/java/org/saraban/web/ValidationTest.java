package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The edges validate shape (STYLE.md): 400 malformed, 413 too large, 415 wrong media type, 422 invalid
 * field values naming each field, and a refused request stores nothing. Multipart limits are enforced by
 * the servlet container, which MockMvc bypasses, so this class runs on a real port with small limits
 * (its own Spring context) and sends the oversized upload over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "saraban.embedded.in-memory=true", "saraban.demo=true",
        "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=2KB"})
class ValidationTest extends AcceptanceTestSupport {

    @LocalServerPort
    int port;

    private MockHttpServletRequestBuilder create(String username, String body) {
        return as(post("/api/letters").contentType(MediaType.APPLICATION_JSON).content(body), username);
    }

    private JsonNode refusedCreate(Object letter, int status, String code) throws Exception {
        String body = letter instanceof String s ? s : json.writeValueAsString(letter);
        return refusedAndNothingStored(create("dga.officer", body), status, code, null, null);
    }

    private static String subject() {
        return "ทดสอบการตรวจสอบข้อมูล " + UUID.randomUUID();
    }

    @Test
    void malformed_json_is_refused_with_400_malformed_json() throws Exception {
        JsonNode p = refusedCreate("{\"kind\": \"EXTERNAL\", \"subject\": \"ขอเชิญประชุม\", ", 400, "MALFORMED_JSON");
        assertThat(p.path("detail").asText()).doesNotContain("Jackson").doesNotContain("Exception");
        refusedCreate("not json at all", 400, "MALFORMED_JSON");
    }

    @Test
    void an_external_letter_without_closing_and_salutation_names_both_fields() throws Exception {
        JsonNode p = refusedCreate(without(externalLetter(subject()), "closing", "salutation"), 422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactlyInAnyOrder("closing", "salutation");
        assertThat(p.path("errors").findValuesAsText("reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void a_stamped_letter_without_its_purpose_names_stamped_purpose() throws Exception {
        Map<String, Object> stamped = externalLetterWith(subject(), Map.of("kind", "STAMPED"));
        JsonNode p = refusedCreate(stamped, 422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactly("stampedPurpose");
        // with a purpose of ข้อ ๑๓ the same letter is accepted
        Map<String, Object> withPurpose = externalLetterWith(subject(), Map.of("kind", "STAMPED",
                "stampedPurpose", "ACKNOWLEDGE_RECEIPT"));
        postJson("dga.officer", "/api/letters", withPurpose, 201);
    }

    @Test
    void an_order_without_a_subject_names_subject() throws Exception {
        Map<String, Object> order = Map.of("kind", "ORDER", "body", List.of("ให้ข้าราชการต่อไปนี้ปฏิบัติหน้าที่"),
                "signatory", id("dga.director"));
        JsonNode p = refusedCreate(order, 422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactly("subject");
    }

    @Test
    void an_unknown_kind_or_urgency_is_refused_with_422_naming_the_field() throws Exception {
        JsonNode kind = refusedCreate(externalLetterWith(subject(), Map.of("kind", "LETTERX")), 422, "INVALID_VALUE");
        assertThat(fields(kind)).containsExactly("kind");
        assertThat(kind.path("errors").get(0).path("reason").asText()).contains("EXTERNAL");
        JsonNode urgency = refusedCreate(externalLetterWith(subject(), Map.of("urgency", "FAST")), 422, "INVALID_VALUE");
        assertThat(fields(urgency)).containsExactly("urgency");
        assertThat(urgency.path("errors").get(0).path("reason").asText()).contains("MOST_URGENT");
    }

    @Test
    void an_unknown_agency_code_among_the_recipients_names_its_index() throws Exception {
        Map<String, Object> letter = externalLetterWith(subject(), Map.of("to", List.of(
                Map.of("agencyCode", "ไม่มีหน่วยงานนี้", "position", "ผู้อำนวยการ"),
                Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี"))));
        JsonNode p = refusedCreate(letter, 422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactly("to[0].agencyCode");
    }

    @Test
    void a_signatory_who_is_not_a_signer_is_refused() throws Exception {
        JsonNode p = refusedCreate(externalLetterWith(subject(), Map.of("signatory", id("dga.head"))),
                422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactly("signatory");
        JsonNode foreign = refusedCreate(externalLetterWith(subject(), Map.of("signatory", id("soc.director"))),
                422, "LETTER_FIELDS_INVALID");
        assertThat(fields(foreign)).containsExactly("signatory");
    }

    @Test
    void an_enclosure_whose_sha256_was_never_uploaded_is_refused() throws Exception {
        String neverUploaded = "0123456789abcdef".repeat(4);
        JsonNode p = refusedCreate(externalLetterWith(subject(), Map.of("enclosures",
                List.of(Map.of("title", "เอกสารประกอบ", "sha256", neverUploaded)))), 422, "LETTER_FIELDS_INVALID");
        assertThat(fields(p)).containsExactly("enclosures[0].sha256");
        // the same letter referring to an uploaded file is accepted
        String uploaded = upload("dga.officer", "เอกสาร.txt", "text/plain", "ข้อมูลประกอบ".getBytes(StandardCharsets.UTF_8));
        postJson("dga.officer", "/api/letters", externalLetterWith(subject(), Map.of("enclosures",
                List.of(Map.of("title", "เอกสารประกอบ", "sha256", uploaded)))), 201);
    }

    @Test
    void an_edit_with_invalid_fields_is_refused_and_the_draft_is_unchanged() throws Exception {
        String id = postJson("dga.officer", "/api/letters", externalLetter(subject()), 201).get("id").asText();
        MockHttpServletRequestBuilder removeClosing = as(patch("/api/letters/" + id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"closing\": null}"), "dga.officer");
        JsonNode p = refusedAndNothingStored(removeClosing, 422, "LETTER_FIELDS_INVALID", id, "dga.officer");
        assertThat(fields(p)).containsExactly("closing");
        refusedAndNothingStored(as(patch("/api/letters/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"closing\": "), "dga.officer"), 400, "MALFORMED_JSON", id, "dga.officer");
    }

    @Test
    void a_typed_name_that_is_not_the_signatory_own_name_is_refused_and_the_letter_stays_unsigned() throws Exception {
        String id = postJson("dga.officer", "/api/letters", externalLetter(subject()), 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        MockHttpServletRequestBuilder wrongName = as(post("/api/letters/" + id + "/sign")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(Map.of("typedName", "นายสมชาย ใจดี"))),
                "dga.director");
        JsonNode p = refusedAndNothingStored(wrongName, 422, "TYPED_NAME_MISMATCH", id, "dga.director");
        assertThat(fields(p)).containsExactly("typedName");
        // the name as the directory has it, spaces aside, signs
        JsonNode signed = postJson("dga.director", "/api/letters/" + id + "/sign",
                Map.of("typedName", "  นายชยพล   ธรรมวัฒนา "), 200);
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
    }

    @Test
    void a_letter_sent_as_plain_text_is_refused_with_415() throws Exception {
        refusedAndNothingStored(as(post("/api/letters").contentType(MediaType.TEXT_PLAIN)
                .content(json.writeValueAsString(externalLetter(subject()))), "dga.officer"),
                415, "UNSUPPORTED_MEDIA_TYPE", null, null);
    }

    @Test
    void a_scan_that_is_not_a_pdf_is_refused_with_415() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        JsonNode p = refusedAndNothingStored(importRequest("soc.clerk", png, "application/pdf",
                paperLetterMetadata(subject())), 415, "UNSUPPORTED_MEDIA_TYPE", null, null);
        assertThat(fields(p)).containsExactly("scan");
        refusedAndNothingStored(importRequest("soc.clerk", "%PD".getBytes(StandardCharsets.US_ASCII), "application/pdf",
                paperLetterMetadata(subject())), 415, "UNSUPPORTED_MEDIA_TYPE", null, null);
        // a real PDF header passes
        assertStatus(call(importRequest("soc.clerk", MINIMAL_PDF, "application/pdf", paperLetterMetadata(subject()))), 201);
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_413_problem_json() throws Exception {
        long before = storedEvents();
        byte[] big = new byte[8 * 1024];
        Arrays.fill(big, (byte) 'x');
        HttpResponse<String> response = uploadOverHttp("dga.officer", "ใหญ่เกิน.bin", big);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode p = json.readTree(response.body());
        assertThat(p.path("status").asInt()).isEqualTo(413);
        assertThat(p.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(fields(p)).containsExactly("file");
        assertThat(storedEvents()).isEqualTo(before);

        // under the limit the same request is accepted
        HttpResponse<String> small = uploadOverHttp("dga.officer", "เล็ก.txt", "เล็ก".getBytes(StandardCharsets.UTF_8));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(json.readTree(small.body()).path("sha256").asText()).matches("[0-9a-f]{64}");
    }

    private HttpResponse<String> uploadOverHttp(String username, String fileName, byte[] content) throws Exception {
        String boundary = "----saraban" + UUID.randomUUID();
        ByteArrayOutputStream multipartBody = new ByteArrayOutputStream();
        multipartBody.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipartBody.write(content);
        multipartBody.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/files"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
