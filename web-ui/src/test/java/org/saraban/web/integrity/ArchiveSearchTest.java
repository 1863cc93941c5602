package org.saraban.web.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.saraban.web.WebTestSupport;

/**
 * Archive search (issue 6 acceptance): the twelve sample letters drafted at นร ๐๕, then every case of
 * {@code ../shared/samples/search-queries.json}; a secret letter never reaches someone it is not for.
 * The store is shared with other test classes, so results are compared among the sample letters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveSearchTest extends WebTestSupport {

    private final Map<String, String> fileOf = new LinkedHashMap<>(); // letter id → sample file

    @BeforeAll
    void draftTheSamples() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(sharedSamples("letters"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode s = json.readTree(f.toFile());
            Map<String, Object> letter = new LinkedHashMap<>();
            for (String k : List.of("kind", "urgency", "secrecy")) {
                letter.put(k, s.get(k).asText());
            }
            letter.put("circular", s.get("circular").asBoolean());
            for (String k : List.of("subject", "salutation", "closing")) {
                letter.put(k, s.hasNonNull(k) ? s.get(k).asText() : null);
            }
            for (String k : List.of("to", "references", "enclosures", "body", "copiesTo")) {
                letter.put(k, json.convertValue(s.get(k), List.class));
            }
            if (s.hasNonNull("ownerUnit")) {
                letter.put("ownerUnit", json.convertValue(s.get("ownerUnit"), Map.class));
            }
            // kept at นร ๐๕: at สพร the only signer's position (ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล) would bring
            // its words into letters whose sample signatory has other ones
            if (s.hasNonNull("signatory")) {
                letter.put("signatory", id("soc.director"));
            }
            if ("STAMPED".equals(s.get("kind").asText())) {
                letter.put("stampedPurpose", "ACKNOWLEDGE_RECEIPT");
            }
            fileOf.put(postJson("soc.officer", "/api/letters", letter, 201).get("id").asText(),
                    f.getFileName().toString());
        }
        assertThat(fileOf).hasSize(12);
    }

    /** GET /api/search with {@code q} (the template encodes it once) and other parameters as given. */
    private JsonNode search(String username, String params, String query) throws Exception {
        org.springframework.test.web.servlet.MvcResult r = call(as(get("/api/search?" + params + "&q={q}", query),
                username));
        assertStatus(r, 200);
        return body(r);
    }

    private Set<String> found(String username, String query) throws Exception {
        JsonNode page = search(username, "size=200", query);
        Set<String> files = new HashSet<>();
        page.get("items").forEach(i -> {
            String file = fileOf.get(i.get("id").asText());
            if (file != null) {
                files.add(file);
            }
        });
        return files;
    }

    @Test
    void every_sample_query_finds_exactly_its_expected_letters() throws Exception {
        JsonNode cases = json.readTree(sharedSamples("letters").resolveSibling("search-queries.json").toFile());
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : cases) {
            Set<String> expected = new HashSet<>();
            c.get("expectedFiles").forEach(f -> expected.add(f.asText()));
            Set<String> got = found("soc.clerk", c.get("query").asText());
            if (!got.equals(expected)) {
                wrong.add(c.get("query").asText() + ": expected " + expected + ", got " + got);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cases.size()).isEqualTo(12);
    }

    @Test
    void a_secret_letter_is_found_only_by_those_it_is_for() throws Exception {
        String query = "ความมั่นคงปลอดภัยไซเบอร์";
        assertThat(found("soc.clerk", query)).as("the agency's clerk").containsExactly("03-external-secret-incident.json");
        assertThat(found("soc.officer", query)).as("its drafter").containsExactly("03-external-secret-incident.json");
        assertThat(found("soc.records", query)).as("a records officer without a named grant").isEmpty();
        assertThat(found("dga.clerk", query)).as("another agency").isEmpty();
        // the same person finds the agency's other letters with the same words
        assertThat(found("soc.records", "รัฐบาลดิจิทัล")).isNotEmpty().doesNotContain("03-external-secret-incident.json");
    }

    @Test
    void hits_are_ranked_with_a_snippet_and_thai_or_arabic_digits_and_either_era_find_the_same() throws Exception {
        JsonNode top = search("soc.clerk", "size=20", "ธรรมาภิบาลข้อมูล").get("items");
        JsonNode first = null;
        for (JsonNode i : top) {
            if (fileOf.containsKey(i.get("id").asText())) {
                first = i;
                break;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("snippet").asText()).contains("ธรรมาภิบาลข้อมูล");
        assertThat(first.get("score").asDouble()).isPositive();
        // the answer says the search read every candidate (far fewer than the embedded store's limit), and how many;
        // asking for all gives the same; a list's page carries neither field
        JsonNode whole = search("soc.clerk", "size=20", "ธรรมาภิบาลข้อมูล");
        assertThat(whole.get("partial").asBoolean(true)).isFalse();
        assertThat(whole.get("searched").asInt()).isGreaterThanOrEqualTo(whole.get("total").asInt()).isPositive();
        assertThat(search("soc.clerk", "size=20&all=true", "ธรรมาภิบาลข้อมูล").get("items"))
                .isEqualTo(whole.get("items"));
        JsonNode outbox = getJson("soc.clerk", "/api/outbox", 200);
        assertThat(outbox.has("partial")).isFalse();
        assertThat(outbox.has("searched")).isFalse();
        // a body line with a Thai-digit figure is found by it in Arabic digits, too
        assertThat(found("soc.clerk", "พ.ศ. ๒๕๖๘")).isEqualTo(found("soc.clerk", "พ.ศ. 2568")).isNotEmpty();
        assertThat(found("soc.clerk", "ธรรมาภิบาล")).contains("02-external-circular-data-governance.json");
        org.springframework.test.web.servlet.MvcResult blank = call(as(get("/api/search?q={q}", " "), "soc.clerk"));
        assertStatus(blank, 422);
        assertThat(body(blank).get("errors").get(0).get("field").asText()).isEqualTo("q");
        org.springframework.test.web.servlet.MvcResult badDates = call(as(
                get("/api/search?q={q}&from={f}&to={t}", "ธรรมาภิบาล", "22/11/2569", "2026-11-31"), "soc.clerk"));
        assertStatus(badDates, 422);
        assertThat(body(badDates).get("errors").findValuesAsText("field")).containsExactly("from", "to");
        // the filters narrow it
        assertThat(found("soc.clerk", "รัฐบาลดิจิทัล")).contains("06-order-committee.json");
        JsonNode orders = search("soc.clerk", "kind=ORDER&size=200", "รัฐบาลดิจิทัล").get("items");
        assertThat(orders).isNotEmpty();
        orders.forEach(i -> assertThat(i.get("kind").asText()).isEqualTo("ORDER"));
    }
}
