package org.saraban.web.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saraban.web.WebTestSupport;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Random and malformed requests across every endpoint of the OpenAPI document (issue 7, item 4): hostile path
 * variables, query values and bodies, wrong content types and methods, as anonymous and as people of three
 * agencies. No answer may be a 5xx, and no refused request may append an event.
 *
 * <p>{@code -Dsaraban.fuzz.requests=10000} for the full run (default 2,000 in the suite);
 * {@code -Dsaraban.fuzz.seed=N} replays a run.
 */
class ApiFuzzTest extends WebTestSupport {

    private static final List<String> USERS = java.util.Arrays.asList(null, "dga.clerk", "dga.officer", "dga.director",
            "dga.records", "soc.clerk", "opdc.officer", "admin");
    /** Endpoints whose every valid call walks or replays the whole log: fuzzed, but seldom. */
    private static final List<String> HEAVY = List.of("/api/integrity/verify", "/api/archive/retimestamp");
    private static final List<String> FIELDS = List.of("kind", "subject", "to", "body", "salutation", "closing",
            "signatory", "ownerUnit", "urgency", "secrecy", "deliverBy", "approverId", "letterIds", "dueDate",
            "purpose", "borrowerId", "code", "title", "retentionYears", "permanent", "fileCode", "reason", "outcome",
            "legalBasis", "terms", "subjectName", "personId", "toUnit", "instruction", "note", "choice", "question",
            "options", "secret", "memberIds", "chairId", "yearBE", "surveyYearBE", "keep", "ocrText", "typedName",
            "comment", "agencyCode", "number", "date", "objection", "receipt", "withinDays", "signatureRequired",
            "text", "position", "committeeId", "startsAt", "title", "agenda", "attendees", "recording", "sha256");
    private static final List<String> NASTY = List.of("", " ", "null", "undefined", "-1", "0", "2147483648",
            "99999999999999999999999", "1e309", "NaN", "true", "../../etc/passwd", "%2e%2e%2f", "..\\..\\windows",
            "' OR '1'='1", "{\"$gt\":\"\"}", "$where", "<script>alert(1)</script>", "\u0000", "\uFFFF", "\uD800",
            "๐๑๒๓๔๕๖๗๘๙", "สพร ๒๕๖๙/๑", "นร ๐๕", "2026-02-30", "2026-13-01", "9999-12-31T23:59:59Z",
            "0000-01-01", "2026-11-22T09:30:00+07:00", "ก".repeat(5000), "x".repeat(100_000),
            "00000000-0000-0000-0000-000000000000", "DRAFT", "EXTERNAL", "MOST_SECRET", "REDACTED", "ERASURE");

    private final Random random = new Random(Long.getLong("saraban.fuzz.seed", System.nanoTime()));

    private record Endpoint(String path, HttpMethod method, List<String> query) {
    }

    @Test
    void random_and_malformed_requests_never_get_a_5xx_nor_change_anything_when_refused() throws Exception {
        int total = Integer.getInteger("saraban.fuzz.requests", 2_000);
        long seed = Long.getLong("saraban.fuzz.seed", 0L);
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(80);

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> refusedButChanged = new ArrayList<>();
        int accepted = 0;
        long heapBefore = usedHeap();
        for (int i = 0; i < total; i++) {
            Endpoint e = endpoints.get(random.nextInt(endpoints.size()));
            if (HEAVY.contains(e.path()) && random.nextInt(20) != 0) {
                continue;
            }
            String describe = e.method() + " " + e.path();
            MockHttpServletRequestBuilder req = build(e);
            long head = engine.headPosition();
            MvcResult r = mvc.perform(req).andReturn();
            int status = r.getResponse().getStatus();
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors.add(describe + " → " + status + " "
                        + r.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            } else if (status >= 300 && engine.headPosition() != head) {
                refusedButChanged.add(describe + " → " + status);
            } else if (status < 300 && !HttpMethod.GET.equals(e.method())) {
                accepted++;
            }
        }
        long heapAfter = usedHeap();
        System.out.printf("api fuzz: %d requests (seed %s) over %d endpoints: statuses %s; %d mutations accepted; "
                        + "heap %d → %d MB%n", total, seed == 0 ? "random" : seed, endpoints.size(), statuses, accepted,
                heapBefore >> 20, heapAfter >> 20);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(refusedButChanged).as("refused requests that appended events").isEmpty();
        assertThat(heapAfter - heapBefore).as("heap growth over the run").isLessThan(512L << 20);
    }

    /** Every path and method of the OpenAPI document, with the names of its query parameters. */
    private List<Endpoint> endpoints() throws Exception {
        MvcResult r = mvc.perform(get("/v3/api-docs")).andReturn();
        JsonNode paths = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("paths");
        List<Endpoint> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ms = p.getValue().fields(); ms.hasNext(); ) {
                Map.Entry<String, JsonNode> m = ms.next();
                List<String> query = new ArrayList<>();
                m.getValue().path("parameters").forEach(param -> {
                    if ("query".equals(param.path("in").asText())) {
                        query.add(param.path("name").asText());
                    }
                });
                out.add(new Endpoint(p.getKey(), HttpMethod.valueOf(m.getKey().toUpperCase()), query));
            }
        }
        return out;
    }

    private MockHttpServletRequestBuilder build(Endpoint e) {
        HttpMethod method = random.nextInt(15) == 0
                ? List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                        .get(random.nextInt(5))
                : e.method();
        String template = e.path();
        List<Object> vars = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template);
        while (m.find()) {
            vars.add(random.nextInt(4) == 0 ? java.util.UUID.randomUUID().toString() : nasty());
        }
        StringBuilder uri = new StringBuilder(template);
        List<String> names = new ArrayList<>(e.query());
        if (random.nextInt(4) == 0) {
            names.add(FIELDS.get(random.nextInt(FIELDS.size())));
        }
        for (int i = 0; i < names.size(); i++) {
            if (random.nextBoolean()) {
                uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(names.get(i)).append("={q").append(i).append('}');
                vars.add(nasty());
            }
        }
        MockHttpServletRequestBuilder req;
        try {
            req = request(method, uri.toString(), vars.toArray());
        } catch (IllegalArgumentException bad) {
            req = request(method, e.path().replaceAll("\\{[^}]+}", "x"));
        }
        if (method != HttpMethod.GET) {
            switch (random.nextInt(6)) {
                case 0 -> req.contentType("application/json").content(deeplyNested());
                case 1 -> req.contentType("application/json").content(json.valueToTree(randomObject(2)).toString());
                case 2 -> req.contentType("application/json").content(List.of("{", "[1,2", "{\"a\":}", "\"x",
                        "{\"subject\":\"" + "ก".repeat(300_000) + "\"}", "nul", "{}{}", "[]").get(random.nextInt(8)));
                case 3 -> req.contentType(List.of("text/plain", "application/xml", "multipart/form-data",
                        "application/pdf", "application/x-www-form-urlencoded").get(random.nextInt(5)))
                        .content(nasty().getBytes(StandardCharsets.UTF_8));
                case 4 -> req.contentType("application/merge-patch+json").content(json.valueToTree(randomObject(1)).toString());
                default -> { /* no body */ }
            }
            if (random.nextInt(10) != 0) {
                req.with(csrf());
            }
        }
        if (random.nextInt(6) == 0) {
            req.header("If-Match", nasty().replace("\u0000", ""));
        }
        if (random.nextInt(8) == 0) {
            req.header("Prefer", "return=minimal");
        }
        String who = USERS.get(random.nextInt(USERS.size()));
        if (who != null) {
            req.with(user(who));
        }
        return req;
    }

    private String nasty() {
        return random.nextInt(3) == 0 ? Integer.toString(random.nextInt(200_000) - 100_000)
                : NASTY.get(random.nextInt(NASTY.size()));
    }

    private Map<String, Object> randomObject(int depth) {
        Map<String, Object> o = new LinkedHashMap<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            o.put(FIELDS.get(random.nextInt(FIELDS.size())), randomValue(depth));
        }
        return o;
    }

    private Object randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 5)) {
            case 0 -> nasty();
            case 1 -> random.nextInt(3) == 0 ? Long.MIN_VALUE : random.nextDouble() * 1e12;
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> java.util.UUID.randomUUID().toString();
            case 5 -> randomObject(depth - 1);
            case 6 -> java.util.Arrays.asList(randomValue(depth - 1), randomValue(depth - 1));
            default -> List.of(nasty());
        };
    }

    /** Arrays nested up to 5,000 deep, as a parser-hostile body. */
    private String deeplyNested() {
        int n = 1 + random.nextInt(5_000);
        return "{\"subject\":" + "[".repeat(n) + "]".repeat(n) + "}";
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
