package org.saraban.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.saraban.command.store.MongoEventStorageEngine;
import org.saraban.web.directory.DemoDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The whole app on the in-memory embedded MongoDB server, driven over HTTP through MockMvc. The
 * context is shared by every test class, so tests create their own letters and never assume an empty
 * store.
 */
@SpringBootTest(properties = {"saraban.embedded.in-memory=true", "saraban.demo=true"})
@AutoConfigureMockMvc
@Import(WebTestSupport.TestClock.class)
public abstract class WebTestSupport {

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MongoEventStorageEngine engine;

    public static final String PASSWORD = DemoDirectory.PASSWORD;

    /** {@code ../shared/samples/<dir>}, beside the repository (or its clone). */
    public static java.nio.file.Path sharedSamples(String dir) {
        for (java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            java.nio.file.Path candidate = p.resolve("shared/samples/" + dir);
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate;
            }
            java.nio.file.Path sibling = p.resolveSibling("shared").resolve("samples/" + dir);
            if (java.nio.file.Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("../shared/samples/" + dir + " not found beside the repository");
    }

    public static String id(String username) {
        return DemoDirectory.personId(username);
    }

    /** A complete external letter from สพร to นร ๐๕, signed by dga.director. */
    public static Map<String, Object> externalLetter(String subject) {
        return Map.of(
                "kind", "EXTERNAL",
                "urgency", "URGENT",
                "subject", subject,
                "salutation", "เรียน",
                "to", List.of(Map.of("agencyCode", "นร ๐๕", "position", "เลขาธิการคณะรัฐมนตรี")),
                "body", List.of("ด้วยสำนักงานพัฒนารัฐบาลดิจิทัลขอเชิญประชุม", "จึงเรียนมาเพื่อโปรดพิจารณา"),
                "closing", "ขอแสดงความนับถือ",
                "signatory", id("dga.director"),
                "ownerUnit", Map.of("name", "ฝ่ายพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ภาครัฐ", "phone", "๐ ๒๖๑๒ ๖๐๐๐"));
    }

    protected MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username) {
        return request.with(httpBasic(username, PASSWORD));
    }

    protected MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    protected JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    protected JsonNode postJson(String username, String path, Object body, int expectedStatus) throws Exception {
        MvcResult r = call(as(post(path).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsBytes(body == null ? Map.of() : body)), username));
        assertStatus(r, expectedStatus);
        return body(r);
    }

    /**
     * A paper letter from กรมบัญชีกลาง, registered as received by {@code clerk} (so at the clerk's agency) from its scan
     * (a minimal PDF naming its number) and what the clerk typed; returns the received letter's id.
     */
    protected String importPaperLetter(String clerk, String number, String date, String subject) throws Exception {
        byte[] pdf = ("%PDF-1.4\n% " + number + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
                + "/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String metadata = json.writeValueAsString(Map.of("number", number, "date", date,
                "fromAgency", "กรมบัญชีกลาง", "subject", subject, "salutation", "เรียน",
                "to", List.of("หัวหน้าส่วนราชการ"), "signatoryName", "นางสาวสมใจ ตั้งมั่น",
                "signatoryPosition", "อธิบดีกรมบัญชีกลาง"));
        MvcResult r = call(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/letters/import")
                .file(new org.springframework.mock.web.MockMultipartFile("scan", "scan.pdf", "application/pdf", pdf))
                .file(new org.springframework.mock.web.MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
                        metadata.getBytes(StandardCharsets.UTF_8))), clerk));
        assertStatus(r, 201);
        return body(r).get("id").asText();
    }

    protected JsonNode getJson(String username, String path, int expectedStatus) throws Exception {
        MvcResult r = call(as(get(path), username));
        assertStatus(r, expectedStatus);
        return body(r);
    }

    protected static void assertStatus(MvcResult r, int expected) throws Exception {
        if (r.getResponse().getStatus() != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + r.getResponse().getStatus() + ": "
                    + r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
    }

    /** Draft → submit → approve → sign, as สพร's officer and director; returns the letter id. */
    protected String signedLetter(String subject) throws Exception {
        String id = postJson("dga.officer", "/api/letters", externalLetter(subject), 201).get("id").asText();
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        return id;
    }

    /** A signed letter dispatched by สพร's clerk; returns the dispatched view. */
    protected JsonNode dispatchedLetter(String subject) throws Exception {
        String id = signedLetter(subject);
        return postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
    }

    /** The id of the received copy at นร ๐๕, once the delivery policy has put it in the inbox. */
    protected String copyAtSoc(JsonNode dispatched) {
        String copyId = dispatched.get("deliveries").get(0).get("copyId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                call(as(get("/api/letters/" + copyId), "soc.clerk")).getResponse().getStatus() == 200);
        return copyId;
    }

    protected long storedEvents() {
        return engine.countEvents();
    }
}
