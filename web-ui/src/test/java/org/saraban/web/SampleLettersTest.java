package org.saraban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample letter of {@code ../shared/samples/letters} (ten kinds) plus a NEWS release goes through
 * the API: drafted with its own fields, approved, signed where it has a signatory, and dispatched with
 * the number its kind takes from its register.
 */
class SampleLettersTest extends WebTestSupport {

    static Path samples() {
        return sharedSamples("letters");
    }

    @TestFactory
    Stream<DynamicTest> every_sample_letter_is_drafted_approved_signed_and_dispatched_with_its_kinds_number() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> sample(json.readTree(f.toFile()))));
        }
        tests.add(DynamicTest.dynamicTest("NEWS (no sample)", () -> sample(json.readTree("""
                {"kind":"NEWS","circular":false,"urgency":"NORMAL","secrecy":"NONE",
                 "subject":"สพร. เปิดให้บริการระบบสารบรรณอิเล็กทรอนิกส์กลาง","salutation":null,"to":[],
                 "references":[],"enclosures":[],"body":["สำนักงานพัฒนารัฐบาลดิจิทัลเปิดให้บริการแล้ว"],
                 "closing":null,"signatory":null,"copiesTo":[],"ownerUnit":null}"""))));
        return tests.stream();
    }

    private void sample(JsonNode s) throws Exception {
        String kind = s.get("kind").asText();
        Map<String, Object> letter = new LinkedHashMap<>();
        letter.put("kind", kind);
        letter.put("circular", s.get("circular").asBoolean());
        letter.put("urgency", s.get("urgency").asText());
        letter.put("secrecy", s.get("secrecy").asText());
        letter.put("subject", text(s, "subject"));
        letter.put("salutation", text(s, "salutation"));
        letter.put("to", json.convertValue(s.get("to"), List.class));
        letter.put("references", json.convertValue(s.get("references"), List.class));
        letter.put("enclosures", json.convertValue(s.get("enclosures"), List.class));
        letter.put("body", json.convertValue(s.get("body"), List.class));
        letter.put("closing", text(s, "closing"));
        letter.put("copiesTo", json.convertValue(s.get("copiesTo"), List.class));
        if (s.hasNonNull("ownerUnit")) {
            letter.put("ownerUnit", json.convertValue(s.get("ownerUnit"), Map.class));
        }
        boolean signed = s.hasNonNull("signatory");
        if (signed) {
            letter.put("signatory", id("dga.director"));
        }
        if ("STAMPED".equals(kind)) {
            letter.put("stampedPurpose", "ACKNOWLEDGE_RECEIPT");
        }
        JsonNode draft = postJson("dga.officer", "/api/letters", letter, 201);
        String id = draft.get("id").asText();
        assertThat(draft.get("kind").asText()).isEqualTo(kind);
        assertThat(draft.get("body").size()).isEqualTo(s.get("body").size());
        if (s.hasNonNull("subject")) {
            assertThat(draft.get("subject").asText()).isEqualTo(s.get("subject").asText());
        }
        postJson("dga.officer", "/api/letters/" + id + "/submit", Map.of("approverId", id("dga.director")), 200);
        postJson("dga.director", "/api/letters/" + id + "/approve", null, 200);
        if (signed) {
            postJson("dga.director", "/api/letters/" + id + "/sign", null, 200);
        }
        JsonNode sent = postJson("dga.clerk", "/api/letters/" + id + "/dispatch", null, 200);
        assertThat(sent.get("status").asText()).isEqualTo("DISPATCHED");
        String number = sent.get("number").isNull() ? null : sent.get("number").asText();
        switch (kind) {
            case "EXTERNAL", "INTERNAL", "STAMPED", "CERTIFICATE" -> assertThat(number)
                    .matches(s.get("circular").asBoolean() ? "สพร ๐๒/ว [๐-๙]+" : "สพร ๐๒/[๐-๙]+");
            case "ORDER" -> assertThat(number).matches("[๐-๙]+/[๐-๙]{4}");
            default -> assertThat(number).isNull();
        }
        // recipients written as plain positions are outside Saraban: their delivery is recorded, not electronic
        sent.get("deliveries").forEach(d -> assertThat(d.get("method").asText()).isEqualTo("OUT_OF_BAND"));
    }

    private static String text(JsonNode s, String field) {
        return s.hasNonNull(field) ? s.get(field).asText() : null;
    }
}
